import { randomUUID } from 'node:crypto';

/** What the metadata templates are filled with. */
export interface TemplateContext {
  appId: string | undefined;
  namespace: string | undefined;
  podName: string | undefined;
}

/**
 * Fills Dapr's metadata templates in one resolved value, in Dapr's order (dapr/dapr
 * pkg/runtime/meta `convertItemsToProps`), after secrets and env refs were resolved:
 * - `{uuid}`: a fresh random UUID for each occurrence;
 * - `{podName}`: the pod name; with none, an error;
 * - `{namespace}`: `<namespace>.<appId>` (Dapr joins both, so it is unique per app);
 * - `{appID}`: the app id.
 *
 * Returns the text, or throws an Error when `{podName}` has nothing to fill it. `onEmpty` hears
 * each template filled from an unset part (Dapr fills those with the empty string).
 */
export function fillTemplates(value: string, context: TemplateContext, onEmpty: (template: string) => void = () => {}): string {
  // Replacement functions, so a `$&` inside a pod name or app id is not read as a pattern.
  let text = value;
  while (text.includes('{uuid}')) text = text.replace('{uuid}', () => randomUUID());
  if (text.includes('{podName}')) {
    if (!context.podName) throw new Error('refers to {podName} but no podName was given');
    const podName = context.podName;
    text = text.replaceAll('{podName}', () => podName);
  }
  if (text.includes('{namespace}')) {
    if (!context.namespace || !context.appId) onEmpty('{namespace}');
    const namespace = `${context.namespace ?? ''}.${context.appId ?? ''}`;
    text = text.replaceAll('{namespace}', () => namespace);
  }
  if (text.includes('{appID}')) {
    if (!context.appId) onEmpty('{appID}');
    const appId = context.appId ?? '';
    text = text.replaceAll('{appID}', () => appId);
  }
  return text;
}

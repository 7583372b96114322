/**
 * Dapr's `IsTruthy` (dapr/kit, used by components-contrib to decode boolean metadata such as
 * `strictSandbox`): "y", "yes", "true", "t", "on" and "1", ignoring case and surrounding spaces.
 * Everything else, including "", is false.
 */
export function isTruthy(value: string): boolean {
  return ['y', 'yes', 'true', 't', 'on', '1'].includes(value.trim().toLowerCase());
}

/** The guestConfig this example runs with: header edits both ways, a JSON rewrite, and secrets to mask. */
export const modifyConfig = {
  request: { set: { 'x-forwarded-by': 'dapr-wasm' }, remove: ['x-debug-token'] },
  response: { set: { 'x-content-type-options': 'nosniff' }, remove: ['x-powered-by'] },
  json: { set: { apiVersion: '2', servedBy: 'wasm' }, remove: ['internalId'] },
  redact: ['sk_live_51HxExample', 'hunter2'],
};

export type ModifyConfig = typeof modifyConfig;

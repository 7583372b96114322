/**
 * Several guests mounted in one app (a Dapr pipeline) started and stopped as one: `ready` settles
 * when every guest is ready and rejects with the first that failed.
 */
export interface GuestHandle {
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export function guestSet(handles: readonly GuestHandle[]): GuestHandle {
  return {
    ready: Promise.all(handles.map((h) => h.ready)).then(() => {}),
    close: () => Promise.all(handles.map((h) => h.close())).then(() => {}),
  };
}

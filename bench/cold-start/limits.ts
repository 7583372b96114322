/**
 * The limits createMiddleware rewrites into a guest with its default options: fuel metering
 * (deadlineMs 1000 > 0) and a memory cap of maxMemoryBytes 64 MiB / 64 KiB pages.
 */
export const DEFAULT_LIMITS = { fuel: true, maxMemoryPages: (64 * 1024 * 1024) / 65536 } as const;

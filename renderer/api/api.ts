import {
  bridgeClientHeader,
  bridgeClientIdPattern,
  bridgePathPrefix,
  bridgeSecretHeader,
  bridgeSecretMetaName,
} from '../../common/ipc/bridge';
import { listChannels, type ChannelEntry, type SeatdeskApi } from '../../common/ipc/contract';
import type { SeatdeskEvents } from '../../common/ipc/events';
import { ipcFailureSchema, type IpcFailure, type IpcResult } from '../../common/ipc/result';

declare global {
  interface Window {
    /** The contract's API, exposed by the Electron preload; absent in a plain browser. */
    seatdesk?: SeatdeskApi;
    /** Events main pushes (Electron only); the preview page polls instead. */
    seatdeskEvents?: SeatdeskEvents;
  }
}

type ChannelMethod = (request: unknown) => Promise<IpcResult<unknown>>;
type MethodTable = Record<string, Record<string, ChannelMethod>>;

/** Told about every failed call, with the channel that failed. */
export type FailureListener = (failure: IpcFailure, channel: string) => void;

const clientIdStorageKey = 'seatdesk.bridgeClientId';
/** What the bridge accepts as a client id; anything else in storage is replaced. */
const failureListeners = new Set<FailureListener>();
let cachedApi: SeatdeskApi | undefined;
let memoryClientId: string | undefined;

function internalFailure(message: string): IpcFailure {
  return { ok: false, code: 'INTERNAL_ERROR', message };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function readBridgeSecret(): string {
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${bridgeSecretMetaName}"]`);
  return meta?.content ?? '';
}

/** One id per tab: sessionStorage survives a reload, so the bridge session survives it too. */
function readClientId(): string {
  try {
    const stored = window.sessionStorage.getItem(clientIdStorageKey);
    if (stored !== null && bridgeClientIdPattern.test(stored)) return stored;
    const created = crypto.randomUUID();
    window.sessionStorage.setItem(clientIdStorageKey, created);
    return created;
  } catch {
    memoryClientId ??= crypto.randomUUID();
    return memoryClientId;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Checks the bridge's answer against the envelope and the channel's response schema. */
function readResult(entry: ChannelEntry, body: unknown): IpcResult<unknown> {
  if (isRecord(body) && body.ok === true) {
    const parsed = entry.definition.response.safeParse(body.value);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : internalFailure(`bridge answer for ${entry.name} does not match the contract`);
  }
  const failure = ipcFailureSchema.safeParse(body);
  return failure.success
    ? failure.data
    : internalFailure(`bridge answer for ${entry.name} is not an IPC result`);
}

async function callBridge(entry: ChannelEntry, request: unknown): Promise<IpcResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(bridgePathPrefix + entry.name, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [bridgeSecretHeader]: readBridgeSecret(),
        [bridgeClientHeader]: readClientId(),
      },
      body: JSON.stringify(request ?? {}),
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch (error) {
    return internalFailure(`bridge unreachable: ${describe(error)}`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    return internalFailure(`bridge answered HTTP ${response.status} without JSON: ${describe(error)}`);
  }
  return readResult(entry, body);
}

function createBridgeMethods(): MethodTable {
  const methods: MethodTable = {};
  for (const entry of listChannels()) {
    const feature = (methods[entry.feature] ??= {});
    feature[entry.verb] = (request) => callBridge(entry, request);
  }
  return methods;
}

function notifyFailure(failure: IpcFailure, channel: string): void {
  for (const listener of failureListeners) {
    try {
      listener(failure, channel);
    } catch (error) {
      console.error('failure listener threw', error);
    }
  }
}

/**
 * Wraps each method so that listeners hear about failures (an ended session must bring back
 * the sign-in page whichever screen hit it) and so that a throw or a missing method in the
 * transport still comes back as an `IpcResult`.
 */
function withFailureReporting(source: MethodTable): SeatdeskApi {
  const wrapped: MethodTable = {};
  for (const entry of listChannels()) {
    const feature = (wrapped[entry.feature] ??= {});
    feature[entry.verb] = async (request) => {
      const method = source[entry.feature]?.[entry.verb];
      let result: IpcResult<unknown>;
      if (typeof method !== 'function') {
        result = internalFailure(`the API has no method for ${entry.name}`);
      } else {
        try {
          result = await method(request);
        } catch (error) {
          result = internalFailure(`${entry.name} threw: ${describe(error)}`);
        }
      }
      if (!result.ok) notifyFailure(result, entry.name);
      return result;
    };
  }
  return wrapped as unknown as SeatdeskApi;
}

/** The desk's API: the Electron preload's when present, else the loopback bridge client. */
export function getApi(): SeatdeskApi {
  if (cachedApi === undefined) {
    const source = window.seatdesk ?? createBridgeMethods();
    cachedApi = withFailureReporting(source as unknown as MethodTable);
  }
  return cachedApi;
}

/** Registers a listener for failed calls; returns the function that removes it. */
export function subscribeToFailures(listener: FailureListener): () => void {
  failureListeners.add(listener);
  return () => {
    failureListeners.delete(listener);
  };
}

import { describe, expect, it, vi } from 'vitest';
import { listChannels } from '../common/ipc/contract';

const exposed = vi.hoisted(() => ({
  worlds: new Map<string, any>(),
  invoke: vi.fn(async () => ({ ok: true, value: {} })),
  listeners: new Map<string, Set<(...args: unknown[]) => void>>(),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (name: string, api: unknown) => {
      exposed.worlds.set(name, api);
    },
  },
  ipcRenderer: {
    invoke: exposed.invoke,
    send: vi.fn(),
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      const set = exposed.listeners.get(channel) ?? new Set();
      set.add(listener);
      exposed.listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => exposed.listeners.get(channel)?.delete(listener),
  },
}));

describe('preload', () => {
  it('exposes exactly one method per contract channel and nothing of ipcRenderer', async () => {
    await import('./index');
    expect([...exposed.worlds.keys()].sort()).toEqual(['seatdesk', 'seatdeskEvents']);
    const api = exposed.worlds.get('seatdesk') as Record<string, Record<string, unknown>>;
    const methods = Object.entries(api).flatMap(([feature, verbs]) => Object.keys(verbs).map((verb) => `app:${feature}.${verb}`));
    expect(methods.sort()).toEqual(listChannels().map((entry) => entry.name).sort());
    const leaves = Object.values(api).flatMap((verbs) => Object.values(verbs));
    expect(leaves.every((leaf) => typeof leaf === 'function')).toBe(true);
    await (api.session as any).signIn({ agentId: '1024', password: 'x' });
    expect(exposed.invoke).toHaveBeenCalledWith('app:session.signIn', { agentId: '1024', password: 'x' });
  });

  it('subscribes to known events only and passes the page nothing of the IPC event', async () => {
    await import('./index');
    const events = exposed.worlds.get('seatdeskEvents');
    expect(Object.keys(events)).toEqual(['on']);
    const received: unknown[][] = [];
    const stop = events.on('sessionChanged', (...args: unknown[]) => received.push(args));
    for (const listener of exposed.listeners.get('app:event:sessionChanged') ?? []) listener({ sender: 'ipc internals' }, 'data');
    expect(received).toEqual([[]]);
    stop();
    expect(exposed.listeners.get('app:event:sessionChanged')?.size).toBe(0);
    events.on('app:session.signIn', () => undefined);
    expect(exposed.listeners.has('app:event:app:session.signIn')).toBe(false);
  });
});

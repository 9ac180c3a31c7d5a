import { describe, expect, it, vi } from 'vitest';
import { listChannels } from '../common/ipc/contract';

const exposed = vi.hoisted(() => ({ name: '', api: undefined as any, invoke: vi.fn(async () => ({ ok: true, value: {} })) }));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (name: string, api: unknown) => {
      exposed.name = name;
      exposed.api = api;
    },
  },
  ipcRenderer: { invoke: exposed.invoke, send: vi.fn(), on: vi.fn() },
}));

describe('preload', () => {
  it('exposes exactly one method per contract channel and nothing of ipcRenderer', async () => {
    await import('./index');
    expect(exposed.name).toBe('seatdesk');
    const methods = Object.entries(exposed.api as Record<string, Record<string, unknown>>).flatMap(([feature, verbs]) =>
      Object.keys(verbs).map((verb) => `app:${feature}.${verb}`),
    );
    expect(methods.sort()).toEqual(listChannels().map((entry) => entry.name).sort());
    const leaves = Object.values(exposed.api as Record<string, Record<string, unknown>>).flatMap((verbs) => Object.values(verbs));
    expect(leaves.every((leaf) => typeof leaf === 'function')).toBe(true);
    await exposed.api.session.signIn({ agentId: '1024', password: 'x' });
    expect(exposed.invoke).toHaveBeenCalledWith('app:session.signIn', { agentId: '1024', password: 'x' });
  });
});

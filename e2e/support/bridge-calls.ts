import type { Page } from 'playwright-core';

type BridgeAnswer = { ok: boolean; value?: unknown; code?: string };

/** One bridge call made inside the page as the renderer makes it, answering the raw envelope. */
export async function callAsRaw(page: Page, clientId: string, channel: string, payload: unknown): Promise<BridgeAnswer> {
  // A function, not a string: the page's CSP forbids evaluating strings. Node's types have no DOM.
  return page.evaluate(
    async ({ clientId, channel, payload }) => {
      const scope = globalThis as unknown as {
        document: { querySelector: (selector: string) => { content: string } | null };
        fetch: (url: string, init: object) => Promise<{ json: () => Promise<BridgeAnswer> }>;
      };
      const secret = scope.document.querySelector('meta[name="seatdesk-bridge-secret"]')?.content ?? '';
      const response = await scope.fetch(`/ipc/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-seatdesk-secret': secret, 'x-seatdesk-client': clientId },
        body: JSON.stringify(payload),
      });
      return response.json();
    },
    { clientId, channel, payload },
  );
}

/**
 * Calls a channel over the loopback bridge from inside the page, as another client (its own
 * session), so a test can prepare people and data without clicking through every form.
 */
export async function callAs(page: Page, clientId: string, channel: string, payload: unknown): Promise<any> {
  const result = await callAsRaw(page, clientId, channel, payload);
  if (!result.ok) throw new Error(`${channel} as ${clientId}: ${result.code}`);
  return result.value;
}

/** The first-run setup through the bridge: administrator 8001 and a passphrase-protected store. */
export async function createAdministrator(page: Page, administratorClient: string, password = 'Admin-desk-2026!'): Promise<void> {
  await callAs(page, administratorClient, 'app:setup.createAdministrator', {
    agentId: '8001',
    displayName: '系统管理员',
    team: '',
    password,
    databasePassphrase: 'counter-store-passphrase-2026',
  });
}

/** Creates an account as the administrator's client and lets the person set their own password. */
export async function createPerson(
  page: Page,
  administratorClient: string,
  person: Readonly<{ agentId: string; name: string; role: 'agent' | 'team_lead'; team: string; password: string }>,
): Promise<void> {
  const temporaryPassword = 'Temporary-desk-2026#';
  await callAs(page, administratorClient, 'app:agents.create', {
    agentId: person.agentId,
    displayName: person.name,
    role: person.role,
    team: person.team,
    temporaryPassword,
  });
  const client = `setup-${person.agentId}-client`;
  await callAs(page, client, 'app:session.signIn', { agentId: person.agentId, password: temporaryPassword });
  await callAs(page, client, 'app:session.changePassword', { currentPassword: temporaryPassword, newPassword: person.password });
  await callAs(page, client, 'app:session.signOut', {});
}

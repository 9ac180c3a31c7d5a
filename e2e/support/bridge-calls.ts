import type { Page } from 'playwright-core';

/** The page-side script of one bridge call, as the renderer makes it (secret from the page's meta tag). */
export function bridgeCallScript(clientId: string, channel: string, payload: unknown): string {
  return `(async () => {
    const secret = document.querySelector('meta[name="seatdesk-bridge-secret"]')?.content ?? '';
    const response = await fetch(${JSON.stringify(`/ipc/${channel}`)}, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-seatdesk-secret': secret, 'x-seatdesk-client': ${JSON.stringify(clientId)} },
      body: ${JSON.stringify(JSON.stringify(payload))},
    });
    return response.json();
  })()`;
}

/**
 * Calls a channel over the loopback bridge from inside the page, as another client (its own
 * session), so a test can prepare people and data without clicking through every form.
 */
export async function callAs(page: Page, clientId: string, channel: string, payload: unknown): Promise<any> {
  // A string script: this file is type-checked for Node, which has no DOM types.
  const result = (await page.evaluate(bridgeCallScript(clientId, channel, payload))) as { ok: boolean; value?: unknown; code?: string };
  if (!result.ok) throw new Error(`${channel} as ${clientId}: ${result.code}`);
  return result.value;
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

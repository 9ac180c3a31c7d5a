import type { z } from 'zod';
import { agentsChannels } from './agents';
import { approvalsChannels } from './approvals';
import { auditChannels } from './audit';
import { callScriptsChannels } from './call-scripts';
import type { ChannelDefinition } from './channel';
import type { IpcResult } from './result';
import { callsChannels } from './calls';
import { customersChannels } from './customers';
import { handoversChannels } from './handovers';
import { knowledgeChannels } from './knowledge';
import { phraseRulesChannels } from './phrase-rules';
import { qualityChannels } from './quality';
import { sessionChannels } from './session';
import { settingsChannels } from './settings';
import { setupChannels } from './setup';
import { slaDashboardChannels } from './sla-dashboard';
import { slaSettingsChannels } from './sla-settings';
import { storeChannels } from './store';
import { ticketsChannels } from './tickets';

/**
 * The one IPC contract: feature → verb → channel definition. Main registers a handler per
 * entry, preload exposes one method per entry, the renderer's API type derives from it.
 * Adding a channel is one entry here plus its handler.
 */
export const contract = {
  store: storeChannels,
  setup: setupChannels,
  session: sessionChannels,
  agents: agentsChannels,
  settings: settingsChannels,
  customers: customersChannels,
  approvals: approvalsChannels,
  audit: auditChannels,
  phraseRules: phraseRulesChannels,
  knowledge: knowledgeChannels,
  callScripts: callScriptsChannels,
  calls: callsChannels,
  tickets: ticketsChannels,
  slaSettings: slaSettingsChannels,
  quality: qualityChannels,
  slaDashboard: slaDashboardChannels,
  handovers: handoversChannels,
};

/** The contract's type. */
export type Contract = typeof contract;

/** A feature of the contract (`session`, `agents`, …). */
export type FeatureName = keyof Contract;

/** A verb of one feature. */
export type VerbName<Feature extends FeatureName> = keyof Contract[Feature] & string;

/** Every channel name, `app:<feature>.<verb>`. */
export type ChannelName = {
  [Feature in FeatureName]: `app:${Feature}.${VerbName<Feature>}`;
}[FeatureName];

type DefinitionOf<Feature extends FeatureName, Verb extends VerbName<Feature>> =
  Contract[Feature][Verb] extends ChannelDefinition ? Contract[Feature][Verb] : never;

/** What the caller passes for a channel (before main's parsing and trimming). */
export type RequestOf<Feature extends FeatureName, Verb extends VerbName<Feature>> = z.input<
  DefinitionOf<Feature, Verb>['request']
>;

/** What a channel's handler receives (after parsing). */
export type ParsedRequestOf<Feature extends FeatureName, Verb extends VerbName<Feature>> = z.output<
  DefinitionOf<Feature, Verb>['request']
>;

/** What a channel's handler returns, before main parses it with the response schema. */
export type HandlerResultOf<Feature extends FeatureName, Verb extends VerbName<Feature>> = z.input<
  DefinitionOf<Feature, Verb>['response']
>;

/** What a channel's caller receives on success. */
export type ResponseOf<Feature extends FeatureName, Verb extends VerbName<Feature>> = z.output<
  DefinitionOf<Feature, Verb>['response']
>;

/** The API the renderer calls, derived from the contract: `api.session.signIn({...})`. */
export type SeatdeskApi = {
  [Feature in FeatureName]: {
    [Verb in VerbName<Feature>]: (
      request: RequestOf<Feature, Verb>,
    ) => Promise<IpcResult<ResponseOf<Feature, Verb>>>;
  };
};

/** The prefix every channel name starts with. */
export const channelPrefix = 'app:';

/** Builds the channel name of a feature's verb. */
export function channelName(feature: string, verb: string): string {
  return `${channelPrefix}${feature}.${verb}`;
}

/** One contract entry with its names, for code that walks the contract. */
export type ChannelEntry = Readonly<{
  feature: string;
  verb: string;
  name: string;
  definition: ChannelDefinition;
}>;

/** Every channel of the contract, in declaration order. */
export function listChannels(): ChannelEntry[] {
  return Object.entries(contract).flatMap(([feature, verbs]) =>
    Object.entries(verbs as Record<string, ChannelDefinition>).map(([verb, definition]) => ({
      feature,
      verb,
      name: channelName(feature, verb),
      definition,
    })),
  );
}

let channelIndex: ReadonlyMap<string, ChannelEntry> | undefined;

/** Looks up a channel by its full name; `undefined` for anything not in the contract. */
export function findChannel(name: string): ChannelEntry | undefined {
  channelIndex ??= new Map(listChannels().map((entry) => [entry.name, entry]));
  return channelIndex.get(name);
}

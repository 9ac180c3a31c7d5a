import { create } from 'zustand';
import type { ResponseOf } from '../../../common/ipc/contract';
import { loadCompiledPhraseRules, type PhraseMatcher } from '../../../common/phrase-engine/matcher';
import { getApi } from '../../api/api';

/** A rule's severity and what to say instead, as the warnings show them. */
export type PhraseRuleAdvice = NonNullable<ResponseOf<'phraseRules', 'compiled'>['advice']>[number];

type PhraseEngineState = {
  /** The rulebook revision the matcher was loaded from. */
  revision: string | undefined;
  /** The compiled rulebook, loaded from main's bytes (no compiling here). */
  matcher: PhraseMatcher | undefined;
  /** Advice by rule ID. */
  advice: ReadonlyMap<string, PhraseRuleAdvice>;
  /** Asks main for the rulebook; loads it only when its revision changed. */
  refresh: () => Promise<void>;
};

function bytesOfBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

let refreshing: Promise<void> | undefined;
let askedAgain = false;

/** The banned-phrase rulebook every text box of the desk checks against. */
export const usePhraseEngineStore = create<PhraseEngineState>()((set, get) => {
  async function fetchOnce(): Promise<void> {
    const known = get().revision;
    const result = await getApi().phraseRules.compiled(known === undefined ? {} : { knownRevision: known });
    if (!result.ok || result.value.tables === undefined || result.value.revision === get().revision) return;
    set({
      revision: result.value.revision,
      matcher: loadCompiledPhraseRules(bytesOfBase64(result.value.tables)),
      advice: new Map((result.value.advice ?? []).map((rule) => [rule.id, rule])),
    });
  }

  return {
    revision: undefined,
    matcher: undefined,
    advice: new Map(),
    refresh: () => {
      // One request at a time; a refresh asked for meanwhile (an admin just saved a rule) runs
      // once more after it, so no change is missed.
      if (refreshing !== undefined) {
        askedAgain = true;
        return refreshing;
      }
      refreshing = (async () => {
        try {
          do {
            askedAgain = false;
            await fetchOnce();
          } while (askedAgain);
        } finally {
          refreshing = undefined;
        }
      })();
      return refreshing;
    },
  };
});

import { useEffect, useState } from 'react';
import type { ErrorCode } from '../../../common/ipc/result';
import type { PhraseRule } from '../../../common/phrase-engine/rulebook';
import { usePhraseRulesStore, type PhraseTestHit } from './usePhraseRulesStore';

/** How long typing must pause before a sentence is checked. */
export const phraseTestDebounceMilliseconds = 150;

/** The last answer: the sentence it was for (hits' offsets point into it), its hits or its failure. */
export type PhraseTestAnswer = Readonly<{ text: string; hits: readonly PhraseTestHit[]; failureCode: ErrorCode | null }>;

type AnswerFor = Readonly<{ key: string; answer: PhraseTestAnswer }>;

/**
 * Checks `text` against the rulebook (with `draft` saved, when given) once typing pauses.
 * `answer` is the latest answer, kept while the next one is on its way so the page does not
 * flicker; its `text` is the sentence it is for. `checking` says the shown answer is not for
 * what is typed now. A blank text is not sent.
 */
export function usePhraseTest(
  text: string,
  draft?: PhraseRule,
): { answer: PhraseTestAnswer | null; checking: boolean } {
  const test = usePhraseRulesStore((state) => state.test);
  const [latest, setLatest] = useState<AnswerFor | null>(null);
  const blank = text.trim() === '';
  const key = JSON.stringify([text, draft ?? null]);

  useEffect(() => {
    if (blank) return undefined;
    let current = true;
    const timer = window.setTimeout(() => {
      void test(text, draft).then((result) => {
        // An answer to an older sentence (typing went on) is dropped.
        if (!current) return;
        setLatest({
          key,
          answer: result.ok ? { text, hits: result.value.hits, failureCode: null } : { text, hits: [], failureCode: result.code },
        });
      });
    }, phraseTestDebounceMilliseconds);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [blank, key, test, text, draft]);

  if (blank) return { answer: null, checking: false };
  return { answer: latest?.answer ?? null, checking: latest?.key !== key };
}

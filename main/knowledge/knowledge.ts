import { intentKnowledgeTerms, type CallIntent } from '../../common/calls/intents';
import { localDateOf } from '../../common/deadline-calendar/zoned-time';
import { AppError } from '../../common/ipc/result';
import {
  findKnowledgeAnswer,
  insertKnowledgeAnswer,
  searchKnowledge,
  suggestKnowledge,
  updateKnowledgeAnswer,
  type KnowledgeAnswer,
  type KnowledgeAnswerInput,
} from '../../db/knowledge';
import { recordAudit } from '../audit/audit-trail';
import type { DeskContext, SignedInCaller } from '../desk-context';

const answerFields = ['title', 'body', 'tags', 'category', 'validFrom', 'validTo', 'sourceNotice'] as const;

/** Searches the answers; agents see only those valid today. */
export function searchAnswers(
  desk: DeskContext,
  caller: SignedInCaller,
  request: { text: string; includeExpired?: boolean | undefined; limit?: number | undefined },
): { answers: KnowledgeAnswer[]; onDate: string } {
  const onDate = localDateOf(desk.now().getTime(), desk.timeZone);
  const includeExpired = caller.account.role !== 'agent' && request.includeExpired === true;
  const answers = searchKnowledge(desk.store.connection(), { text: request.text, onDate, includeExpired, limit: request.limit ?? 20 });
  return { answers, onDate };
}

/** The answers valid today that serve a call's intent (by category or tag). */
export function suggestAnswers(desk: DeskContext, request: { intent: CallIntent; limit?: number | undefined }): { answers: KnowledgeAnswer[]; onDate: string } {
  const onDate = localDateOf(desk.now().getTime(), desk.timeZone);
  const answers = suggestKnowledge(desk.store.connection(), intentKnowledgeTerms[request.intent], onDate, request.limit ?? 5);
  return { answers, onDate };
}

/** Adds or replaces an answer; the audit entry names the fields that changed. */
export function saveAnswer(
  desk: DeskContext,
  caller: SignedInCaller,
  request: { id?: number | undefined; answer: KnowledgeAnswerInput },
): { answer: KnowledgeAnswer } {
  const db = desk.store.connection();
  const stamp = { now: desk.now().toISOString(), accountId: caller.account.id };
  const id = db.transaction(() => {
    if (request.id === undefined) {
      const created = insertKnowledgeAnswer(db, request.answer, stamp);
      recordAudit(desk, caller.account, {
        action: 'knowledge.create',
        objectType: 'knowledgeAnswer',
        objectId: created,
        details: { title: request.answer.title, validFrom: request.answer.validFrom, validTo: request.answer.validTo },
      });
      return created;
    }
    const before = findKnowledgeAnswer(db, request.id);
    if (before === undefined) throw new AppError('KNOWLEDGE_ANSWER_NOT_FOUND', `Answer ${request.id} does not exist.`);
    updateKnowledgeAnswer(db, request.id, request.answer, stamp);
    recordAudit(desk, caller.account, {
      action: 'knowledge.update',
      objectType: 'knowledgeAnswer',
      objectId: request.id,
      details: {
        changed: answerFields.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(request.answer[field])).join(','),
        title: request.answer.title,
      },
    });
    return request.id;
  })();
  return { answer: findKnowledgeAnswer(db, id)! };
}

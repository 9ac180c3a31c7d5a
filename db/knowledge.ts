import type { Db } from './connection';

/** One unified answer of the knowledge base. */
export type KnowledgeAnswer = Readonly<{
  id: number;
  title: string;
  body: string;
  tags: string[];
  category: string;
  /** First day it applies (YYYY-MM-DD, the desk's local date). */
  validFrom: string;
  /** Last day it applies, or null for no end. */
  validTo: string | null;
  /** The notice it comes from (文件编号 or title), may be empty. */
  sourceNotice: string;
  authorAgentId: string;
  createdAt: string;
  updatedAt: string;
}>;

/** The fields an author writes. */
export type KnowledgeAnswerInput = Readonly<Pick<KnowledgeAnswer, 'title' | 'body' | 'tags' | 'category' | 'validFrom' | 'validTo' | 'sourceNotice'>>;

/** Who wrote, and when. */
export type KnowledgeStamp = Readonly<{ now: string; accountId: number }>;

/** A search: text (any length; empty lists everything), the day validity is judged on, and a limit. */
export type KnowledgeQuery = Readonly<{ text: string; onDate: string; includeExpired: boolean; limit: number }>;

type AnswerRow = Omit<KnowledgeAnswer, 'tags'> & { tags: string };

const selectAnswer = `SELECT k.id, k.title, k.body, k.tags, k.category, k.valid_from AS validFrom, k.valid_to AS validTo,
    k.source_notice AS sourceNotice, a.agent_id AS authorAgentId, k.created_at AS createdAt, k.updated_at AS updatedAt
  FROM knowledge_answers k JOIN accounts a ON a.id = k.author_account_id`;

const validOn = `(@includeExpired = 1 OR (k.valid_from <= @onDate AND (k.valid_to IS NULL OR k.valid_to >= @onDate)))`;

function answerOf(row: AnswerRow): KnowledgeAnswer {
  return { ...row, tags: JSON.parse(row.tags) as string[] };
}

/** Adds an answer; returns its ID. */
export function insertKnowledgeAnswer(db: Db, answer: KnowledgeAnswerInput, stamp: KnowledgeStamp): number {
  const result = db
    .prepare(
      `INSERT INTO knowledge_answers (title, body, tags, category, valid_from, valid_to, source_notice,
         author_account_id, created_at, updated_at, updated_by_account_id)
       VALUES (@title, @body, @tags, @category, @validFrom, @validTo, @sourceNotice, @accountId, @now, @now, @accountId)`,
    )
    .run({ ...answer, tags: JSON.stringify(answer.tags), accountId: stamp.accountId, now: stamp.now });
  return Number(result.lastInsertRowid);
}

/** Replaces an answer's fields (the author stays); false when there is no such answer. */
export function updateKnowledgeAnswer(db: Db, id: number, answer: KnowledgeAnswerInput, stamp: KnowledgeStamp): boolean {
  const result = db
    .prepare(
      `UPDATE knowledge_answers SET title = @title, body = @body, tags = @tags, category = @category,
         valid_from = @validFrom, valid_to = @validTo, source_notice = @sourceNotice,
         updated_at = @now, updated_by_account_id = @accountId
       WHERE id = @id`,
    )
    .run({ ...answer, id, tags: JSON.stringify(answer.tags), accountId: stamp.accountId, now: stamp.now });
  return result.changes > 0;
}

/** One answer, or undefined. */
export function findKnowledgeAnswer(db: Db, id: number): KnowledgeAnswer | undefined {
  const row = db.prepare(`${selectAnswer} WHERE k.id = ?`).get(id) as AnswerRow | undefined;
  return row === undefined ? undefined : answerOf(row);
}

/**
 * Searches the answers valid on `onDate` (or all with `includeExpired`). Three characters or
 * more use the trigram index, best match first; one or two characters (a trigram index cannot
 * hold them) scan the table, title matches first. Case does not matter.
 */
export function searchKnowledge(db: Db, query: KnowledgeQuery): KnowledgeAnswer[] {
  const text = query.text.trim();
  const parameters = { onDate: query.onDate, includeExpired: query.includeExpired ? 1 : 0, limit: query.limit };
  let rows: AnswerRow[];
  if (text === '') {
    rows = db.prepare(`${selectAnswer} WHERE ${validOn} ORDER BY k.updated_at DESC, k.id DESC LIMIT @limit`).all(parameters) as AnswerRow[];
  } else if ([...text].length >= 3) {
    // The whole query is one quoted phrase, so quotes and FTS operators in it are just text.
    const phrase = `"${text.replaceAll('"', '""')}"`;
    rows = db
      .prepare(
        `${selectAnswer} JOIN knowledge_search s ON s.rowid = k.id
         WHERE knowledge_search MATCH @phrase AND ${validOn}
         ORDER BY bm25(knowledge_search, 10.0, 1.0, 5.0), k.id LIMIT @limit`,
      )
      .all({ ...parameters, phrase }) as AnswerRow[];
  } else {
    rows = db
      .prepare(
        `${selectAnswer}
         WHERE (instr(lower(k.title), lower(@text)) > 0 OR instr(lower(k.body), lower(@text)) > 0 OR instr(lower(k.tags), lower(@text)) > 0)
           AND ${validOn}
         ORDER BY instr(lower(k.title), lower(@text)) = 0, k.updated_at DESC, k.id DESC LIMIT @limit`,
      )
      .all({ ...parameters, text }) as AnswerRow[];
  }
  return rows.map(answerOf);
}

/**
 * The answers valid on `onDate` whose category is one of `terms` or whose tags hold one of them,
 * newest first: the suggestions for a call's classified intent.
 */
export function suggestKnowledge(db: Db, terms: readonly string[], onDate: string, limit: number): KnowledgeAnswer[] {
  if (terms.length === 0) return [];
  const rows = db
    .prepare(
      `${selectAnswer}
       WHERE (k.category IN (SELECT value FROM json_each(@terms))
              OR EXISTS (SELECT 1 FROM json_each(k.tags) tag WHERE tag.value IN (SELECT value FROM json_each(@terms))))
         AND ${validOn}
       ORDER BY k.updated_at DESC, k.id DESC LIMIT @limit`,
    )
    .all({ terms: JSON.stringify(terms), onDate, includeExpired: 0, limit }) as AnswerRow[];
  return rows.map(answerOf);
}

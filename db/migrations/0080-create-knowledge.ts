import type { Db } from '../connection';

/**
 * The knowledge base of unified answers (统一答复口径): title, body, tags, category, the dates
 * it is valid, the notice it comes from, its author. A trigram FTS5 index (kept in step by
 * triggers) searches Chinese text without a word segmenter.
 */
export function migrate(db: Db): void {
  db.exec(`
    CREATE TABLE knowledge_answers (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL CHECK (length(title) > 0),
      body TEXT NOT NULL CHECK (length(body) > 0),
      tags TEXT NOT NULL CHECK (json_valid(tags) AND json_type(tags) = 'array'),
      category TEXT NOT NULL,
      valid_from TEXT NOT NULL CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      valid_to TEXT CHECK (valid_to IS NULL OR (valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND valid_to >= valid_from)),
      source_notice TEXT NOT NULL DEFAULT '',
      author_account_id INTEGER NOT NULL REFERENCES accounts (id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by_account_id INTEGER NOT NULL REFERENCES accounts (id)
    ) STRICT;
    CREATE INDEX knowledge_answers_by_validity ON knowledge_answers (valid_from, valid_to);

    CREATE VIRTUAL TABLE knowledge_search USING fts5(
      title, body, tags, content = 'knowledge_answers', content_rowid = 'id', tokenize = 'trigram'
    );
    CREATE TRIGGER knowledge_answers_indexed AFTER INSERT ON knowledge_answers BEGIN
      INSERT INTO knowledge_search (rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
    END;
    CREATE TRIGGER knowledge_answers_unindexed AFTER DELETE ON knowledge_answers BEGIN
      INSERT INTO knowledge_search (knowledge_search, rowid, title, body, tags) VALUES ('delete', old.id, old.title, old.body, old.tags);
    END;
    CREATE TRIGGER knowledge_answers_reindexed AFTER UPDATE ON knowledge_answers BEGIN
      INSERT INTO knowledge_search (knowledge_search, rowid, title, body, tags) VALUES ('delete', old.id, old.title, old.body, old.tags);
      INSERT INTO knowledge_search (rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
    END;
  `);
}

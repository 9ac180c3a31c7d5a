/*
 * Seatdesk's SQLite extension for sealed audit blocks (see db/audit-seals.ts).
 *
 * One aggregate, seatdesk_audit_block(c1, ..., c15), returns a block of audit entries laid out
 * byte for byte as db/audit-seals.ts's SQL lays it out with concat_ws and group_concat: every
 * value as its stored bytes (an integer in decimal, as SQLite writes it as text), 0xFE for NULL,
 * 0xFF between fields and between rows. The SQL spends most of its time building one text per
 * row and copying it again into the group; this function appends each value once to one buffer.
 *
 * The block's bytes follow a 12-byte prefix: the row count, the count of NULL values and the count
 * of values not of their column's type, each a little-endian unsigned 32-bit integer. An empty
 * group gives NULL.
 *
 * TEXT is copied in the database's encoding: Seatdesk's stores are UTF-8, as concat_ws's output is.
 * A second function, seatdesk_audit_seals_version(), tells which layout this library makes, so
 * that a library left from an older build is not used.
 *
 * Built by scripts/build-sqlite-extension.mjs against the headers of the SQLite that
 * better-sqlite3-multiple-ciphers compiles; loaded through the C API only (better-sqlite3's
 * loadExtension), never with SQL's load_extension(), and only on the audit walk's read-only
 * connections.
 */
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

#include <stdint.h>
#include <string.h>

#define FIELD_SEPARATOR 0xff
#define NULL_MARKER 0xfe
#define PREFIX_LENGTH 12
#ifndef FIRST_CAPACITY
#define FIRST_CAPACITY (384 * 1024)
#endif
/* The columns of audit_log, each one argument. */
#define FIELDS_PER_ROW 15
/* Raised whenever the layout changes, with auditSealsExtensionVersion in db/audit-seals.ts. */
#ifndef LAYOUT_VERSION
#define LAYOUT_VERSION 2
#endif

typedef struct {
  unsigned char *bytes;
  sqlite3_uint64 length;
  sqlite3_uint64 capacity;
  sqlite3_uint64 rows;
  sqlite3_uint64 nulls;
  sqlite3_uint64 type_mismatches;
  int out_of_memory;
} AuditBlock;

/*
 * The type each argument must have, in audit_log's column order as the layout takes it (seq,
 * previous_hash, hash, occurred_at, time_zone, utc_offset_minutes, workstation_id, agent_id,
 * role, action, object_type, object_id, outcome, code, details); NULL is also allowed where
 * NULLABLE says so. STRICT and NOT NULL are only enforced when a row is written, so a schema
 * edited, used and put back can leave other types in the file: those are counted, and a block
 * with any is never taken as sealed.
 */
static const int EXPECTED_TYPES[FIELDS_PER_ROW] = {
  SQLITE_INTEGER, SQLITE_TEXT, SQLITE_TEXT, SQLITE_TEXT, SQLITE_TEXT, SQLITE_INTEGER, SQLITE_TEXT, SQLITE_TEXT,
  SQLITE_TEXT, SQLITE_TEXT, SQLITE_TEXT, SQLITE_TEXT, SQLITE_TEXT, SQLITE_TEXT, SQLITE_TEXT,
};
static const int NULLABLE[FIELDS_PER_ROW] = {0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 0, 1, 0};

/* Makes room for `more` bytes; on failure marks the block and returns 0. */
static int reserve(AuditBlock *block, sqlite3_uint64 more) {
  sqlite3_uint64 capacity;
  unsigned char *grown;
  if (block->length + more <= block->capacity) return 1;
  capacity = block->capacity ? block->capacity : FIRST_CAPACITY;
  while (capacity < block->length + more) {
    if (capacity > ((sqlite3_uint64)1 << 40)) {
      block->out_of_memory = 1;
      return 0;
    }
    capacity *= 2;
  }
  grown = sqlite3_realloc64(block->bytes, capacity);
  if (grown == 0) {
    block->out_of_memory = 1;
    return 0;
  }
  block->bytes = grown;
  block->capacity = capacity;
  return 1;
}

/* Writes the decimal text SQLite gives an integer ("%lld") at `out`; returns the byte count. */
static int write_integer(unsigned char *out, sqlite3_int64 value) {
  char digits[20];
  int count = 0;
  int length;
  sqlite3_uint64 magnitude = value < 0 ? (sqlite3_uint64)0 - (sqlite3_uint64)value : (sqlite3_uint64)value;
  do {
    digits[count++] = (char)('0' + (int)(magnitude % 10));
    magnitude /= 10;
  } while (magnitude != 0);
  length = count;
  if (value < 0) *out++ = '-';
  while (count > 0) *out++ = (unsigned char)digits[--count];
  return length + (value < 0 ? 1 : 0);
}

/*
 * Appends one row: a separator first unless it is the block's first row, then its values with a
 * separator between each. The room for the whole row is made once, from the values' lengths.
 */
static void block_step(sqlite3_context *context, int argument_count, sqlite3_value **arguments) {
  AuditBlock *block = sqlite3_aggregate_context(context, sizeof(AuditBlock));
  int types[FIELDS_PER_ROW];
  const void *values[FIELDS_PER_ROW];
  int lengths[FIELDS_PER_ROW];
  /* Room for the row: a separator before each value, the prefix if first, then the values. */
  sqlite3_uint64 most = (sqlite3_uint64)argument_count + PREFIX_LENGTH;
  unsigned char *out;
  int index;
  if (block == 0) {
    sqlite3_result_error_nomem(context);
    return;
  }
  if (block->out_of_memory || argument_count != FIELDS_PER_ROW) return;
  for (index = 0; index < argument_count; index += 1) {
    types[index] = sqlite3_value_type(arguments[index]);
    if (types[index] != EXPECTED_TYPES[index] && !(types[index] == SQLITE_NULL && NULLABLE[index])) block->type_mismatches += 1;
    values[index] = 0;
    lengths[index] = 0;
    if (types[index] == SQLITE_TEXT || types[index] == SQLITE_BLOB) {
      /* The stored bytes as they are: no conversion and no terminator to add. */
      values[index] = sqlite3_value_blob(arguments[index]);
      lengths[index] = sqlite3_value_bytes(arguments[index]);
    } else if (types[index] == SQLITE_FLOAT) {
      /* Never in audit_log, which is STRICT: SQLite's own text, as concat_ws takes it. */
      values[index] = sqlite3_value_text(arguments[index]);
      lengths[index] = sqlite3_value_bytes(arguments[index]);
    }
    if (values[index] == 0 && lengths[index] > 0) {
      block->out_of_memory = 1;
      return;
    }
    /* An integer takes at most 20 bytes ("-9223372036854775808"), NULL its one marker byte. */
    most += types[index] == SQLITE_INTEGER ? 20 : types[index] == SQLITE_NULL ? 1 : (sqlite3_uint64)lengths[index];
  }
  if (!reserve(block, most)) return;
#ifdef SEATDESK_CHECK_ROOM
  /* Test builds only: proves each row stays inside the room it made (see the tests). */
  const unsigned char *row_start = block->bytes + block->length;
#endif
  if (block->rows == 0) block->length = PREFIX_LENGTH;
  out = block->bytes + block->length;
  if (block->rows > 0) *out++ = FIELD_SEPARATOR;
  for (index = 0; index < argument_count; index += 1) {
    if (index > 0) *out++ = FIELD_SEPARATOR;
    if (types[index] == SQLITE_NULL) {
      *out++ = NULL_MARKER;
      block->nulls += 1;
    } else if (types[index] == SQLITE_INTEGER) {
      out += write_integer(out, sqlite3_value_int64(arguments[index]));
    } else if (lengths[index] > 0) {
      memcpy(out, values[index], (size_t)lengths[index]);
      out += lengths[index];
    }
  }
#ifdef SEATDESK_CHECK_ROOM
  if ((sqlite3_uint64)(out - row_start) > most) {
    block->out_of_memory = 1;
    sqlite3_result_error(context, "seatdesk_audit_block wrote past the room it made for a row", -1);
    return;
  }
#endif
  block->length = (sqlite3_uint64)(out - block->bytes);
  block->rows += 1;
}

static void write_u32_le(unsigned char *at, sqlite3_uint64 value) {
  at[0] = (unsigned char)(value & 0xff);
  at[1] = (unsigned char)((value >> 8) & 0xff);
  at[2] = (unsigned char)((value >> 16) & 0xff);
  at[3] = (unsigned char)((value >> 24) & 0xff);
}

static void block_final(sqlite3_context *context) {
  AuditBlock *block = sqlite3_aggregate_context(context, 0);
  if (block == 0 || (block->rows == 0 && !block->out_of_memory)) {
    if (block != 0) sqlite3_free(block->bytes);
    sqlite3_result_null(context);
    return;
  }
  if (block->out_of_memory || block->rows > 0xffffffffu || block->nulls > 0xffffffffu || block->type_mismatches > 0xffffffffu) {
    sqlite3_free(block->bytes);
    sqlite3_result_error_nomem(context);
    return;
  }
  write_u32_le(block->bytes, block->rows);
  write_u32_le(block->bytes + 4, block->nulls);
  write_u32_le(block->bytes + 8, block->type_mismatches);
  /* SQLite frees the buffer with sqlite3_free once it is done with the result. */
  sqlite3_result_blob64(context, block->bytes, block->length, sqlite3_free);
}

/* seatdesk_audit_seals_version(): the layout's version, checked by the loader against its own. */
static void layout_version(sqlite3_context *context, int argument_count, sqlite3_value **arguments) {
  (void)argument_count;
  (void)arguments;
  sqlite3_result_int(context, LAYOUT_VERSION);
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_seatdeskauditseals_init(sqlite3 *db, char **error_message, const sqlite3_api_routines *api) {
  int result;
  SQLITE_EXTENSION_INIT2(api);
  (void)error_message;
  /* DIRECTONLY: usable in our own statements only, never from a view or trigger in the file. */
  result = sqlite3_create_function_v2(db, "seatdesk_audit_block", FIELDS_PER_ROW, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, 0, 0,
                                      block_step, block_final, 0);
  if (result != SQLITE_OK) return result;
  return sqlite3_create_function_v2(db, "seatdesk_audit_seals_version", 0, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, 0,
                                    layout_version, 0, 0, 0);
}

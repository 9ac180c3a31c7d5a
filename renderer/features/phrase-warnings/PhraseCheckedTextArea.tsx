import { Button, Flex, Input, Typography } from 'antd';
import type { TextAreaProps } from 'antd/es/input/TextArea';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import type { PhraseHit } from '../../../common/phrase-engine/matcher';
import { useT } from '../../i18n/translate';
import { SeverityTag } from '../phrase-rules/ruleLabels';
import { applySuggestion, hasBlockingHit, hitAtCaret, hitsWhileComposing, markSegments } from './phraseMarks';
import { usePhraseEngineStore } from './usePhraseEngineStore';

type PhraseCheckedTextAreaProps = {
  value: string;
  onChange?: (event: ChangeEvent<HTMLTextAreaElement>) => void;
  placeholder?: string;
  maxLength?: number;
  autoSize?: TextAreaProps['autoSize'];
  disabled?: boolean;
  'aria-label'?: string;
  'data-testid'?: string;
  /** Told whenever the text starts or stops containing a phrase that blocks sending. */
  onBlockedChange?: (blocked: boolean) => void;
};

/** What the text was when an IME started composing: hits are not re-checked until it commits. */
type CompositionStart = { text: string; hits: readonly PhraseHit[]; selectionStart: number; selectionEnd: number };

/** The most hits listed under the box; more would only push the form away (all stay marked). */
const listedHitLimit = 20;

/** Text properties the mirror copies from the textarea so both lay their text out alike. */
const mirroredProperties = [
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'fontVariant',
  'fontFeatureSettings',
  'lineHeight',
  'letterSpacing',
  'wordSpacing',
  'textIndent',
  'textTransform',
  'textAlign',
  'direction',
  'tabSize',
  'boxSizing',
  'paddingTop',
  'paddingLeft',
  'paddingBottom',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'borderTopLeftRadius',
  'borderTopRightRadius',
  'borderBottomLeftRadius',
  'borderBottomRightRadius',
] as const;

const mirrorStyle: CSSProperties = {
  position: 'absolute',
  zIndex: 0,
  margin: 0,
  overflow: 'hidden',
  whiteSpace: 'pre-wrap',
  wordWrap: 'break-word',
  overflowWrap: 'break-word',
  color: 'transparent',
  borderStyle: 'solid',
  borderColor: 'transparent',
  pointerEvents: 'none',
  userSelect: 'none',
};

const markStyles: Record<PhraseHit['severity'], CSSProperties> = {
  warn: {
    color: 'transparent',
    background: 'transparent',
    padding: 0,
    textDecoration: 'underline wavy #fa8c16',
    textDecorationSkipInk: 'none',
    textUnderlineOffset: 3,
  },
  block: {
    color: 'transparent',
    background: 'rgba(255, 77, 79, 0.16)',
    borderRadius: 2,
    padding: 0,
    textDecoration: 'underline wavy #f5222d',
    textDecorationSkipInk: 'none',
    textUnderlineOffset: 3,
  },
};

const wrapperStyle: CSSProperties = {
  position: 'relative',
  background: 'var(--ant-color-bg-container, #ffffff)',
  borderRadius: 'var(--ant-border-radius, 6px)',
};
const textAreaStyle: CSSProperties = { position: 'relative', zIndex: 1, background: 'transparent' };
const hitListStyle: CSSProperties = { listStyle: 'none', margin: '4px 0 0', padding: 0 };
const hitStyle: CSSProperties = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 6, padding: '2px 0' };

/**
 * A text box that checks what is typed against the banned-phrase rulebook as it is typed: hits
 * are underlined inline (a mirror of the text behind a see-through textarea), listed below with
 * their suggestions one click (or Alt+Enter) away, and a `block` hit is reported so the parent
 * can refuse to send. Without a loaded rulebook it is a plain text box.
 */
export function PhraseCheckedTextArea({
  value,
  onChange,
  placeholder,
  maxLength,
  autoSize,
  disabled,
  'aria-label': ariaLabel,
  'data-testid': testId,
  onBlockedChange,
}: PhraseCheckedTextAreaProps) {
  const translate = useT();
  const matcher = usePhraseEngineStore((state) => state.matcher);
  const advice = usePhraseEngineStore((state) => state.advice);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const mirrorRef = useRef<HTMLDivElement>(null);
  // Where the next edit starts: the selection just before it (the caret after it, at worst).
  const editStartRef = useRef<number | undefined>(undefined);
  const [composition, setComposition] = useState<CompositionStart | null>(null);
  const prefix = testId ?? 'phrase-checked';

  // A re-checker per box and rulebook: each keystroke re-scans only what it touched.
  const recheck = useMemo(() => matcher?.recheck(), [matcher]);

  useEffect(() => {
    if (usePhraseEngineStore.getState().matcher === undefined) void usePhraseEngineStore.getState().refresh();
  }, []);

  // Computed in the render of the keystroke itself: no debounce, the marks move with the text in
  // the same frame. The change handler checked the text already (with the edit's start), so this
  // is a cache hit; a text set from outside (a saved note cleared) is found by comparison.
  let hits: readonly PhraseHit[];
  if (recheck === undefined) hits = [];
  else if (composition !== null) hits = hitsWhileComposing(composition, value);
  else hits = recheck.check(value);
  const blocked = hasBlockingHit(hits);

  const textArea = useCallback(() => wrapperRef.current?.querySelector('textarea') ?? null, []);

  // Keeps the mirror exactly over the textarea, with its fonts, padding, size and scroll.
  const alignMirror = useCallback(() => {
    const element = textArea();
    const mirror = mirrorRef.current;
    const wrapper = wrapperRef.current;
    if (element === null || mirror === null || wrapper === null) return;
    const computed = window.getComputedStyle(element);
    for (const property of mirroredProperties) mirror.style[property] = computed[property];
    const box = element.getBoundingClientRect();
    const outer = wrapper.getBoundingClientRect();
    mirror.style.top = `${box.top - outer.top}px`;
    mirror.style.left = `${box.left - outer.left}px`;
    mirror.style.width = `${box.width}px`;
    mirror.style.height = `${box.height}px`;
    // A vertical scrollbar narrows the textarea's text: narrow the mirror's by as much.
    const scrollbar = element.offsetWidth - element.clientWidth - parseFloat(computed.borderLeftWidth) - parseFloat(computed.borderRightWidth);
    mirror.style.paddingRight = `${parseFloat(computed.paddingRight) + Math.max(0, scrollbar)}px`;
    mirror.scrollTop = element.scrollTop;
  }, [textArea]);

  // Each keystroke only carries the scroll over (a new line may scroll the box); fonts, padding
  // and size are copied when the box appears and whenever it resizes, not on every keystroke.
  useLayoutEffect(() => {
    const element = textArea();
    if (element !== null && mirrorRef.current !== null) mirrorRef.current.scrollTop = element.scrollTop;
  });

  // A language change changes the font (CJK glyph forms) without resizing the box.
  useLayoutEffect(() => alignMirror(), [alignMirror, translate]);

  useLayoutEffect(() => {
    const element = textArea();
    if (element === null) return undefined;
    // autoSize resizes the textarea after it renders: the observer realigns the mirror then.
    const observer = new ResizeObserver(() => alignMirror());
    observer.observe(element);
    const followScroll = () => {
      if (mirrorRef.current !== null) mirrorRef.current.scrollTop = element.scrollTop;
    };
    const noteEditStart = () => {
      editStartRef.current = Math.min(element.selectionStart, element.selectionEnd);
    };
    element.addEventListener('scroll', followScroll);
    element.addEventListener('beforeinput', noteEditStart);
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', followScroll);
      element.removeEventListener('beforeinput', noteEditStart);
    };
  }, [textArea, alignMirror]);

  useLayoutEffect(() => {
    onBlockedChange?.(blocked);
  }, [blocked, onBlockedChange]);

  function handleChange(event: ChangeEvent<HTMLTextAreaElement>): void {
    const element = event.target;
    const editStart = Math.min(editStartRef.current ?? element.selectionStart, element.selectionStart);
    editStartRef.current = editStart;
    // Checked here, synchronously; the render that follows finds the answer cached.
    if (recheck !== undefined && composition === null) recheck.check(element.value, editStart);
    onChange?.(event);
  }

  function handleCompositionStart(): void {
    const element = textArea();
    setComposition({
      text: value,
      hits,
      selectionStart: element?.selectionStart ?? value.length,
      selectionEnd: element?.selectionEnd ?? value.length,
    });
  }

  function handleCompositionEnd(): void {
    // The composed text is checked now, from where it started.
    editStartRef.current = composition?.selectionStart;
    setComposition(null);
  }

  /** Replaces a hit's words with a suggestion, as an edit of the box (undo undoes it). */
  function replace(hit: PhraseHit, suggestion: string): void {
    const element = textArea();
    if (element === null) return;
    const current = element.value;
    const next = applySuggestion(current, hit, suggestion);
    const start = next.caret - suggestion.length;
    const end = current.length - (next.text.length - next.caret);
    element.focus();
    element.setSelectionRange(start, end);
    editStartRef.current = start;
    // execCommand keeps the browser's undo history; setRangeText is the fallback.
    const inserted = document.execCommand('insertText', false, suggestion);
    if (!inserted || element.value !== next.text) {
      element.value = current;
      element.setRangeText(suggestion, start, end, 'end');
      element.dispatchEvent(new Event('input', { bubbles: true }));
    }
    element.setSelectionRange(next.caret, next.caret);
  }

  function suggestionsOf(hit: PhraseHit): readonly string[] {
    return advice.get(hit.ruleId)?.suggestions ?? [];
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void {
    if (event.key !== 'Enter' || !event.altKey || event.nativeEvent.isComposing) return;
    const candidates = hits.filter((hit) => suggestionsOf(hit).length > 0);
    const hit = hitAtCaret(candidates, event.currentTarget.selectionStart);
    if (hit === undefined) return;
    event.preventDefault();
    replace(hit, suggestionsOf(hit)[0]!);
  }

  function markTitle(covering: readonly PhraseHit[]): string {
    return covering
      .map((hit) => {
        const first = suggestionsOf(hit)[0];
        return first === undefined
          ? translate('phraseWarnings.markTitleNoSuggestion', { rule: hit.ruleId })
          : translate('phraseWarnings.markTitle', { rule: hit.ruleId, suggestion: first });
      })
      .join('\n');
  }

  // A text ending in a line break needs one more (empty) line in the mirror, as the textarea shows.
  const segments = markSegments(value, hits);
  const listed = hits.slice(0, listedHitLimit);
  const anySuggestion = hits.some((hit) => suggestionsOf(hit).length > 0);

  return (
    <div
      data-testid={`${prefix}-phrase-box`}
      data-phrase-engine={recheck === undefined ? 'loading' : 'ready'}
      data-composing={composition === null ? 'false' : 'true'}
      data-blocked={blocked ? 'true' : 'false'}
    >
      <div ref={wrapperRef} style={wrapperStyle}>
        <div ref={mirrorRef} style={mirrorStyle} aria-hidden="true" data-testid={`${prefix}-mirror`}>
          {segments.map((segment) =>
            segment.severity === undefined ? (
              <span key={segment.start}>{segment.text}</span>
            ) : (
              <mark
                key={segment.start}
                className={`phrase-mark phrase-mark-${segment.severity}`}
                style={markStyles[segment.severity]}
                title={markTitle(segment.hits)}
                data-severity={segment.severity}
                data-rule-ids={[...new Set(segment.hits.map((hit) => hit.ruleId))].join(' ')}
                data-testid={`${prefix}-mark`}
              >
                {segment.text}
              </mark>
            ),
          )}
          {value.endsWith('\n') ? '\u200b' : null}
        </div>
        <Input.TextArea
          value={value}
          onChange={handleChange}
          onKeyDown={handleKeyDown}
          onCompositionStart={handleCompositionStart}
          onCompositionEnd={handleCompositionEnd}
          onScroll={(event) => {
            if (mirrorRef.current !== null) mirrorRef.current.scrollTop = event.currentTarget.scrollTop;
          }}
          placeholder={placeholder}
          maxLength={maxLength}
          autoSize={autoSize}
          disabled={disabled}
          aria-label={ariaLabel}
          aria-invalid={blocked}
          style={textAreaStyle}
          data-testid={testId}
        />
      </div>
      <div aria-live="polite" data-testid={`${prefix}-phrase-hits`}>
        {hits.length === 0 ? null : (
          <>
            <ul style={hitListStyle} aria-label={translate('phraseWarnings.listLabel')}>
              {listed.map((hit) => (
                <li
                  key={`${hit.ruleId}-${hit.start}-${hit.end}`}
                  style={hitStyle}
                  data-testid={`${prefix}-phrase-hit`}
                  data-rule-id={hit.ruleId}
                  data-severity={hit.severity}
                >
                  <SeverityTag severity={hit.severity} />
                  <Typography.Text code>{hit.text}</Typography.Text>
                  {suggestionsOf(hit).length === 0 ? (
                    <Typography.Text type="secondary">{translate('phraseWarnings.noSuggestion')}</Typography.Text>
                  ) : (
                    suggestionsOf(hit).map((suggestion) => (
                      <Button
                        key={suggestion}
                        size="small"
                        // Keeps the caret (and focus) in the box while clicking.
                        onMouseDown={(event) => event.preventDefault()}
                        onClick={() => replace(hit, suggestion)}
                        aria-label={translate('phraseWarnings.replaceWith', { phrase: hit.text, suggestion })}
                        data-testid={`${prefix}-phrase-suggestion`}
                      >
                        {suggestion}
                      </Button>
                    ))
                  )}
                </li>
              ))}
            </ul>
            {hits.length > listed.length ? (
              <Typography.Text type="secondary">{translate('phraseWarnings.more', { count: hits.length - listed.length })}</Typography.Text>
            ) : null}
            <Flex wrap gap={8} align="center">
              {blocked ? (
                <Typography.Text type="danger" data-testid={`${prefix}-phrase-blocked`}>
                  {translate('phraseWarnings.blocked')}
                </Typography.Text>
              ) : null}
              {anySuggestion ? (
                <Typography.Text type="secondary" data-testid={`${prefix}-phrase-shortcut`}>
                  {translate('phraseWarnings.shortcut')}
                </Typography.Text>
              ) : null}
            </Flex>
          </>
        )}
      </div>
    </div>
  );
}

import { App, Button, Divider, Form, Input, Modal, Radio, Select, Switch, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { phraseTestTextLimit } from '../../../common/ipc/phrase-rules';
import type { ErrorCode, IpcFailure } from '../../../common/ipc/result';
import { phraseRuleLimits, type PhraseRule } from '../../../common/phrase-engine/rulebook';
import { FailureAlert } from '../../components/FailureAlert';
import { useSubmission } from '../../forms/useSubmission';
import { useErrorMessage, useT, type Translate } from '../../i18n/translate';
import { PhraseTestResult } from './PhraseTestResult';
import { categoryOptions, describeRuleProblem, severityOptions } from './ruleLabels';
import {
  checkRuleForm,
  draftOfForm,
  formValuesOf,
  newRuleFormValues,
  problemsOfServerIssues,
  ruleFieldNames,
  type RuleFieldProblem,
  type RuleFormValues,
} from './ruleForm';
import { usePhraseRulesStore } from './usePhraseRulesStore';
import { usePhraseTest } from './usePhraseTest';

/** One message a field, each problem on its own line (antd lists a field's errors one under another). */
function fieldErrors(problems: readonly RuleFieldProblem[], translate: Translate) {
  return ruleFieldNames.map((name) => ({
    name,
    errors: problems.filter((problem) => problem.field === name).map((problem) => describeRuleProblem(problem, translate)),
  }));
}

/** "Test this rule": a sentence checked against the rulebook with the rule being edited saved. */
function DraftTestBox({ values }: { values: Partial<RuleFormValues> | undefined }) {
  const translate = useT();
  const [text, setText] = useState('');
  const draft = useMemo(() => (values === undefined ? undefined : draftOfForm(values)), [values]);
  // Without a valid draft nothing is sent: main would only refuse it.
  const { answer, checking } = usePhraseTest(draft === undefined ? '' : text, draft);

  return (
    <div data-testid="phrase-editor-test">
      <Divider titlePlacement="start" plain>
        {translate('phraseRules.editorTest.title')}
      </Divider>
      <Typography.Paragraph type="secondary">{translate('phraseRules.editorTest.hint')}</Typography.Paragraph>
      <Input.TextArea
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={translate('phraseRules.test.placeholder')}
        aria-label={translate('phraseRules.editorTest.title')}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={phraseTestTextLimit}
        spellCheck={false}
        data-testid="phrase-editor-test-input"
      />
      <div style={{ marginTop: 12 }}>
        {draft === undefined && text.trim() !== '' ? (
          <Typography.Text type="warning" data-testid="phrase-editor-test-invalid">
            {translate('phraseRules.editorTest.invalid')}
          </Typography.Text>
        ) : (
          <PhraseTestResult answer={answer} checking={checking} testIdPrefix="phrase-editor-test" draftId={draft?.id} />
        )}
      </div>
    </div>
  );
}

/**
 * Creates a rule (`rule` null) or edits one (its ID fixed). Checked here with the same schema
 * main uses, each problem under its field and line; main checks again.
 */
export function PhraseRuleEditor({
  rule,
  onClose,
  onSaved,
}: {
  rule: PhraseRule | null;
  onClose: () => void;
  /** Told the saved rule's ID once the editor closes after a save. */
  onSaved?: (id: string) => void;
}) {
  const translate = useT();
  const describeError = useErrorMessage();
  const { message } = App.useApp();
  const create = usePhraseRulesStore((state) => state.create);
  const update = usePhraseRulesStore((state) => state.update);
  const [form] = Form.useForm<RuleFormValues>();
  const values = Form.useWatch([], form);
  const { submitting, submit } = useSubmission();
  const [failureCode, setFailureCode] = useState<ErrorCode | null>(null);
  // Once a save was refused, problems follow the typing; before that they wait for the save.
  const [checkAsTyped, setCheckAsTyped] = useState(false);
  const editing = rule !== null;

  function showProblems(problems: readonly RuleFieldProblem[]): void {
    form.setFields(fieldErrors(problems, translate));
  }

  function handleValuesChange(_changed: Partial<RuleFormValues>, all: RuleFormValues): void {
    if (!checkAsTyped) return;
    const checked = checkRuleForm(all);
    showProblems(checked.ok ? [] : checked.problems);
  }

  function showFailure(failure: IpcFailure, submitted: RuleFormValues): void {
    if (failure.code === 'PHRASE_RULE_EXISTS') {
      form.setFields([{ name: 'id', errors: [describeError(failure.code)] }]);
      return;
    }
    const placed = failure.code === 'VALIDATION_FAILED' ? problemsOfServerIssues(failure.issues ?? [], submitted) : [];
    if (placed.length > 0) showProblems(placed);
    else setFailureCode(failure.code);
  }

  async function handleFinish(submitted: RuleFormValues): Promise<void> {
    await submit(async () => {
      setFailureCode(null);
      const checked = checkRuleForm(submitted);
      if (!checked.ok) {
        setCheckAsTyped(true);
        showProblems(checked.problems);
        return;
      }
      const failure = editing ? await update(checked.rule) : await create(checked.rule);
      if (failure !== null) {
        setCheckAsTyped(true);
        showFailure(failure, submitted);
        return;
      }
      void message.success(translate(editing ? 'phraseRules.updated' : 'phraseRules.created', { id: checked.rule.id }));
      onClose();
      onSaved?.(checked.rule.id);
    });
  }

  const lineHint = (key: 'phraseRules.field.phrasesHint' | 'phraseRules.field.exceptionsHint' | 'phraseRules.field.suggestionsHint') =>
    translate(key, {
      phrases: phraseRuleLimits.phrasesPerRule,
      exceptions: phraseRuleLimits.exceptionsPerRule,
      suggestions: phraseRuleLimits.suggestionsPerRule,
    });

  return (
    <Modal
      open
      width={760}
      title={editing ? translate('phraseRules.editTitle', { id: rule.id }) : translate('phraseRules.createTitle')}
      onCancel={onClose}
      footer={null}
      mask={{ closable: false }}
      data-testid="phrase-rule-editor"
    >
      <FailureAlert code={failureCode} testId="phrase-rule-editor-error" />
      <Form<RuleFormValues>
        form={form}
        name="phraseRule"
        layout="vertical"
        requiredMark="optional"
        initialValues={editing ? formValuesOf(rule) : newRuleFormValues}
        onValuesChange={handleValuesChange}
        onFinish={(submitted) => void handleFinish(submitted)}
      >
        <div className="form-row">
          <Form.Item
            name="id"
            label={translate('phraseRules.field.id')}
            extra={editing ? undefined : translate('phraseRules.field.idHint')}
            required
          >
            <Input
              disabled={editing}
              autoFocus={!editing}
              autoComplete="off"
              spellCheck={false}
              maxLength={phraseRuleLimits.idLength}
              data-testid="phrase-rule-id"
            />
          </Form.Item>
          <Form.Item name="category" label={translate('phraseRules.field.category')} required>
            <Select options={categoryOptions(translate)} data-testid="phrase-rule-category" />
          </Form.Item>
        </div>
        <Form.Item name="phrases" label={translate('phraseRules.field.phrases')} extra={lineHint('phraseRules.field.phrasesHint')} required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} autoFocus={editing} spellCheck={false} data-testid="phrase-rule-phrases" />
        </Form.Item>
        <Form.Item name="exceptions" label={translate('phraseRules.field.exceptions')} extra={lineHint('phraseRules.field.exceptionsHint')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 8 }} spellCheck={false} data-testid="phrase-rule-exceptions" />
        </Form.Item>
        <Form.Item name="suggestions" label={translate('phraseRules.field.suggestions')} extra={lineHint('phraseRules.field.suggestionsHint')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} spellCheck={false} data-testid="phrase-rule-suggestions" />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="severity" label={translate('phraseRules.field.severity')} extra={translate('phraseRules.field.severityHint')} required>
            <Radio.Group optionType="button" buttonStyle="solid" options={severityOptions(translate)} data-testid="phrase-rule-severity" />
          </Form.Item>
          <Form.Item name="enabled" label={translate('phraseRules.field.enabled')} valuePropName="checked">
            <Switch data-testid="phrase-rule-enabled" />
          </Form.Item>
        </div>
        <Form.Item name="note" label={translate('phraseRules.field.note')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={phraseRuleLimits.noteLength} data-testid="phrase-rule-note" />
        </Form.Item>
        <DraftTestBox values={values} />
        <div className="modal-actions">
          <Button onClick={onClose}>{translate('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="phrase-rule-save">
            {translate('common.save')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}

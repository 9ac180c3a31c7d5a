import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Select, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { callScriptSchema, scriptKinds, type CallScript, type ScriptKind } from '../../../common/call-scripts/script';
import { scriptVariables, templateProblems, type ScriptVariable } from '../../../common/call-scripts/template';
import type { ErrorCode, IpcFailure } from '../../../common/ipc/result';
import { FailureAlert } from '../../components/FailureAlert';
import { useSubmission } from '../../forms/useSubmission';
import { useT, type Translate } from '../../i18n/translate';
import { RenderedTemplate } from './RenderedTemplate';
import { describeTemplateProblem, insertVariable, previewValues, variableLabelKey } from './scriptPreview';
import { useCallScriptsStore } from './useCallScriptsStore';

type StepValues = { id: string; title: string; template: string; required: boolean; targetSeconds: number | null };
type ScriptFormValues = { id: string; name: string; kind: ScriptKind; steps: StepValues[] };

/** Where the caret was in a step's template when it last had focus. */
type Caret = Readonly<{ index: number; start: number; end: number }>;

/** A problem placed on a form field (`['steps', 2, 'template']`), or on the script as a whole (`[]`). */
type FieldProblem = Readonly<{ name: (string | number)[]; message: string }>;

const emptyStep = (id: string): StepValues => ({ id, title: '', template: '', required: true, targetSeconds: null });

const newScript: ScriptFormValues = { id: '', name: '', kind: 'phone', steps: [emptyStep('step-1')] };

/** The kinds' labels, in the order scripts are listed. */
export function kindLabel(kind: ScriptKind, translate: Translate): string {
  return translate(`callScripts.kind.${kind}`);
}

/** A step ID not used by any of `steps`: step-N. */
function freshStepId(steps: readonly Partial<StepValues>[]): string {
  let number = steps.length + 1;
  while (steps.some((step) => step?.id === `step-${number}`)) number++;
  return `step-${number}`;
}

type IssueLike = Readonly<{ code?: string; path: readonly PropertyKey[]; message: string; maximum?: unknown; minimum?: unknown; origin?: unknown }>;

/** A schema problem in words. */
function describeIssue(issue: IssueLike, translate: Translate): string {
  const field = issue.path.at(-1);
  if (typeof issue.message === 'string' && issue.message.includes('is used twice')) return translate('callScripts.problem.stepIdRepeated');
  if (field === 'template' && issue.code === 'custom') return describeTemplateProblem(issue.message, translate);
  if (field === 'id' && (issue.code === 'invalid_format' || issue.message.includes('lower-case'))) return translate('callScripts.problem.idFormat');
  if (field === 'targetSeconds') return translate('callScripts.problem.targetRange');
  if (issue.code === 'too_big') {
    if (issue.origin === 'array') return translate('callScripts.problem.tooMany', { max: Number(issue.maximum) });
    return translate('callScripts.problem.tooLong', { max: Number(issue.maximum) });
  }
  if (issue.code === 'too_small') return field === 'steps' ? translate('callScripts.problem.noSteps') : translate('callScripts.problem.required');
  return translate('callScripts.problem.other', { message: issue.message });
}

/** What the form holds, as the channel takes it (before checking). */
function inputOfForm(values: Partial<ScriptFormValues>): unknown {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    id: text(values.id).trim(),
    name: text(values.name),
    kind: values.kind,
    steps: (values.steps ?? []).map((step) => ({
      id: text(step?.id).trim(),
      title: text(step?.title),
      template: text(step?.template),
      required: step?.required !== false,
      targetSeconds: typeof step?.targetSeconds === 'number' ? step.targetSeconds : null,
    })),
  };
}

/** Checks the form with the schema main uses: the script when valid, else each problem on its field. */
function checkScriptForm(values: Partial<ScriptFormValues>, translate: Translate): { ok: true; script: CallScript } | { ok: false; problems: FieldProblem[] } {
  const parsed = callScriptSchema.safeParse(inputOfForm(values));
  if (parsed.success) return { ok: true, script: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      name: issue.path.filter((part): part is string | number => typeof part === 'string' || typeof part === 'number'),
      message: describeIssue(issue as IssueLike, translate),
    })),
  };
}

/** The problems of one step's template, in words, under the template box. */
function TemplateProblems({ template, index }: { template: string | undefined; index: number }) {
  const translate = useT();
  const problems = templateProblems(template ?? '');
  if (problems.length === 0) return null;
  return (
    <Flex vertical data-testid={`call-script-step-problems-${index}`}>
      {problems.map((problem, number) => (
        <Typography.Text key={number} type="danger" data-testid="call-script-template-problem">
          {describeTemplateProblem(problem.message, translate)}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/** The script as an agent would see it, rendered with sample values; follows the form as it is typed. */
function ScriptPreview({ values }: { values: Partial<ScriptFormValues> | undefined }) {
  const translate = useT();
  const sample = previewValues(new Date().getHours());
  const steps = values?.steps ?? [];
  return (
    <Card
      size="small"
      className="call-script-preview"
      title={translate('callScripts.preview.title')}
      extra={values?.kind === undefined ? null : <Tag color="blue">{kindLabel(values.kind, translate)}</Tag>}
      data-testid="call-script-preview"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {translate('callScripts.preview.hint')}
      </Typography.Paragraph>
      <ol className="call-script-preview-steps">
        {steps.map((step, index) => (
          <li key={index} data-testid={`call-script-preview-step-${index}`}>
            <Flex wrap align="center" gap={8}>
              <Typography.Text strong>{step?.title === undefined || step.title.trim() === '' ? translate('callScripts.step.number', { number: index + 1 }) : step.title}</Typography.Text>
              {step?.required === false ? <Tag>{translate('callScripts.preview.optional')}</Tag> : null}
              {typeof step?.targetSeconds === 'number' ? (
                <Typography.Text type="secondary">{translate('callScripts.preview.target', { seconds: step.targetSeconds })}</Typography.Text>
              ) : null}
            </Flex>
            <div className="call-script-preview-text break-anywhere" data-testid={`call-script-preview-text-${index}`}>
              <RenderedTemplate template={step?.template ?? ''} values={sample} />
            </div>
            <TemplateProblems template={step?.template} index={index} />
          </li>
        ))}
      </ol>
    </Card>
  );
}

/**
 * Creates (`script` null) or edits a script, with a live preview beside the form. Without
 * `canEdit` (a team lead) the form only shows. Checked here with the schema main uses.
 */
export function CallScriptEditor({
  script,
  canEdit,
  takenIds,
  onClose,
}: {
  script: CallScript | null;
  canEdit: boolean;
  /** IDs of the other scripts, which a new or renamed script may not take. */
  takenIds: readonly string[];
  onClose: () => void;
}) {
  const translate = useT();
  const { message } = App.useApp();
  const save = useCallScriptsStore((state) => state.save);
  const [form] = Form.useForm<ScriptFormValues>();
  const watched = Form.useWatch([], form) as Partial<ScriptFormValues> | undefined;
  const { submitting, submit } = useSubmission();
  const [failureCode, setFailureCode] = useState<ErrorCode | null>(null);
  const [scriptProblems, setScriptProblems] = useState<string[]>([]);
  const caret = useRef<Caret | null>(null);
  const initialValues: ScriptFormValues = script === null ? newScript : { ...script, steps: script.steps.map((step) => ({ ...step })) };

  function rememberCaret(index: number, element: HTMLTextAreaElement): void {
    caret.current = { index, start: element.selectionStart, end: element.selectionEnd };
  }

  function handleInsert(name: ScriptVariable): void {
    const steps = form.getFieldValue('steps') as StepValues[] | undefined;
    if (steps === undefined || steps.length === 0) return;
    const known = caret.current !== null && caret.current.index < steps.length ? caret.current : null;
    const index = known?.index ?? steps.length - 1;
    const current = steps[index]?.template ?? '';
    const inserted = insertVariable(current, known?.start ?? current.length, known?.end ?? current.length, name);
    form.setFieldValue(['steps', index, 'template'], inserted.text);
    caret.current = { index, start: inserted.caret, end: inserted.caret };
    window.requestAnimationFrame(() => {
      const element = document.querySelector<HTMLTextAreaElement>(`[data-testid="call-script-step-template-${index}"]`);
      element?.focus();
      element?.setSelectionRange(inserted.caret, inserted.caret);
    });
  }

  function showProblems(problems: readonly FieldProblem[]): void {
    const placed = new Map<string, { name: (string | number)[]; errors: string[] }>();
    for (const field of form.getFieldsError()) placed.set(JSON.stringify(field.name), { name: field.name as (string | number)[], errors: [] });
    const unplaced: string[] = [];
    for (const problem of problems) {
      const entry = placed.get(JSON.stringify(problem.name));
      if (entry === undefined || problem.name.length === 0) unplaced.push(problem.message);
      else if (!entry.errors.includes(problem.message)) entry.errors.push(problem.message);
    }
    form.setFields([...placed.values()] as Parameters<typeof form.setFields>[0]);
    setScriptProblems([...new Set(unplaced)]);
  }

  function showFailure(failure: IpcFailure): void {
    if (failure.code === 'CALL_SCRIPT_EXISTS') showProblems([{ name: ['id'], message: translate('callScripts.problem.idTaken') }]);
    else setFailureCode(failure.code);
  }

  async function handleFinish(values: ScriptFormValues): Promise<void> {
    await submit(async () => {
      setFailureCode(null);
      const checked = checkScriptForm(values, translate);
      const problems = checked.ok ? [] : [...checked.problems];
      if (checked.ok && checked.script.id !== script?.id && takenIds.includes(checked.script.id)) {
        problems.push({ name: ['id'], message: translate('callScripts.problem.idTaken') });
      }
      if (!checked.ok || problems.length > 0) {
        showProblems(problems);
        return;
      }
      showProblems([]);
      const failure = await save(checked.script, script?.id);
      if (failure !== null) {
        showFailure(failure);
        return;
      }
      void message.success(translate(script === null ? 'callScripts.created' : 'callScripts.saved', { name: checked.script.name }));
      onClose();
    });
  }

  const title =
    script === null
      ? translate('callScripts.editor.createTitle')
      : translate(canEdit ? 'callScripts.editor.editTitle' : 'callScripts.editor.viewTitle', { name: script.name });

  return (
    <Card title={title} data-testid="call-script-editor" extra={<Button onClick={onClose} data-testid="call-script-editor-close">{translate('common.cancel')}</Button>}>
      <div className="call-script-editor">
        <div>
          <FailureAlert code={failureCode} testId="call-script-editor-error" />
          {scriptProblems.length === 0 ? null : (
            <Alert className="form-alert" type="error" showIcon title={scriptProblems.join('；')} data-testid="call-script-editor-problems" />
          )}
          <Form<ScriptFormValues>
            form={form}
            name="callScript"
            layout="vertical"
            disabled={!canEdit}
            initialValues={initialValues}
            onFinish={(values) => void handleFinish(values)}
          >
            <div className="form-row">
              <Form.Item name="name" label={translate('callScripts.field.name')} required>
                <Input autoComplete="off" maxLength={60} data-testid="call-script-field-name" />
              </Form.Item>
              <Form.Item name="id" label={translate('callScripts.field.id')} extra={canEdit ? translate('callScripts.field.idHint') : undefined} required>
                <Input autoComplete="off" maxLength={40} data-testid="call-script-field-id" />
              </Form.Item>
              <Form.Item name="kind" label={translate('callScripts.field.kind')} required>
                <Select<ScriptKind>
                  options={scriptKinds.map((kind) => ({ value: kind, label: kindLabel(kind, translate) }))}
                  data-testid="call-script-field-kind"
                />
              </Form.Item>
            </div>
            {canEdit ? (
              <div className="call-script-variables" data-testid="call-script-variables">
                <Typography.Text type="secondary">{translate('callScripts.variables.title')}</Typography.Text>
                <Flex wrap gap={6}>
                  {scriptVariables.map((name) => (
                    <Tooltip key={name} title={`{${name}}`}>
                      <Button size="small" onMouseDown={(event) => event.preventDefault()} onClick={() => handleInsert(name)} data-testid={`call-script-insert-${name}`}>
                        {translate(variableLabelKey(name))}
                      </Button>
                    </Tooltip>
                  ))}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {translate('callScripts.variables.hint')}
                </Typography.Text>
              </div>
            ) : null}
            <Form.List name="steps">
              {(fields, { add, remove, move }) => (
                <Flex vertical gap={12}>
                  {fields.map((field, index) => (
                    <Card
                      key={field.key}
                      size="small"
                      data-testid={`call-script-step-${index}`}
                      title={translate('callScripts.step.number', { number: index + 1 })}
                      extra={
                        canEdit ? (
                          <Space size={4}>
                            <Button size="small" disabled={index === 0} onClick={() => move(index, index - 1)} data-testid={`call-script-step-up-${index}`}>
                              {translate('callScripts.step.moveUp')}
                            </Button>
                            <Button size="small" disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} data-testid={`call-script-step-down-${index}`}>
                              {translate('callScripts.step.moveDown')}
                            </Button>
                            <Button size="small" danger disabled={fields.length === 1} onClick={() => remove(index)} data-testid={`call-script-step-remove-${index}`}>
                              {translate('callScripts.step.remove')}
                            </Button>
                          </Space>
                        ) : null
                      }
                    >
                      <div className="form-row">
                        <Form.Item name={[field.name, 'title']} label={translate('callScripts.step.title')} required>
                          <Input autoComplete="off" maxLength={40} data-testid={`call-script-step-title-${index}`} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'id']} label={translate('callScripts.step.id')} required>
                          <Input autoComplete="off" maxLength={40} data-testid={`call-script-step-id-${index}`} />
                        </Form.Item>
                      </div>
                      <Form.Item
                        name={[field.name, 'template']}
                        label={translate('callScripts.step.template')}
                        required
                        extra={<TemplateProblems template={watched?.steps?.[index]?.template} index={index} />}
                      >
                        <Input.TextArea
                          autoSize={{ minRows: 2, maxRows: 8 }}
                          maxLength={1000}
                          onSelect={(event) => rememberCaret(index, event.currentTarget)}
                          onKeyUp={(event) => rememberCaret(index, event.currentTarget)}
                          onClick={(event) => rememberCaret(index, event.currentTarget)}
                          onBlur={(event) => rememberCaret(index, event.currentTarget)}
                          data-testid={`call-script-step-template-${index}`}
                        />
                      </Form.Item>
                      <div className="form-row">
                        <Form.Item name={[field.name, 'required']} label={translate('callScripts.step.required')} valuePropName="checked">
                          <Switch data-testid={`call-script-step-required-${index}`} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'targetSeconds']} label={translate('callScripts.step.targetSeconds')} extra={canEdit ? translate('callScripts.step.targetSecondsHint') : undefined}>
                          <InputNumber min={5} max={3600} precision={0} style={{ width: '100%' }} data-testid={`call-script-step-seconds-${index}`} />
                        </Form.Item>
                      </div>
                    </Card>
                  ))}
                  {canEdit ? (
                    <Button
                      type="dashed"
                      disabled={fields.length >= 30}
                      onClick={() => add(emptyStep(freshStepId((form.getFieldValue('steps') as StepValues[] | undefined) ?? [])))}
                      data-testid="call-script-step-add"
                    >
                      {translate('callScripts.step.add')}
                    </Button>
                  ) : null}
                </Flex>
              )}
            </Form.List>
            {canEdit ? (
              <div className="modal-actions">
                <Button onClick={onClose}>{translate('common.cancel')}</Button>
                <Button type="primary" htmlType="submit" loading={submitting} data-testid="call-script-save">
                  {translate('common.save')}
                </Button>
              </div>
            ) : null}
          </Form>
        </div>
        <ScriptPreview values={watched ?? initialValues} />
      </div>
    </Card>
  );
}

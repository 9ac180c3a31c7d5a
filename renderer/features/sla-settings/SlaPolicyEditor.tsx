import { Alert, App, Button, Flex, Form, InputNumber, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { targetUnits, type ServiceTarget, type TargetUnit } from '../../../common/deadline-calendar/deadline';
import type { ErrorCode } from '../../../common/ipc/result';
import { workingDayTargetLimit, type SlaPolicyView } from '../../../common/ipc/sla-settings';
import { slaTargetKinds, type SlaPolicy, type SlaTargetKind } from '../../../common/tickets/sla-policy';
import { FailureAlert } from '../../components/FailureAlert';
import { useSubmission } from '../../forms/useSubmission';
import { useT } from '../../i18n/translate';
import { categoryLabel, targetLabel } from './slaLabels';
import { useSlaSettingsStore } from './useSlaSettingsStore';

/** One target as the form holds it: not applicable, or an amount (possibly not typed yet) in a unit. */
type TargetDraft = Readonly<{ unit: TargetUnit | 'none'; amount: number | null }>;

/** The largest amount of each unit (the schema's bound; working days lower, see `workingDayTargetLimit`). */
const maximumAmount: Record<TargetUnit, number> = { minutes: 10_000, hours: 10_000, workingDays: workingDayTargetLimit };

function draftOf(target: ServiceTarget | null): TargetDraft {
  return target === null ? { unit: 'none', amount: null } : { unit: target.unit, amount: target.amount };
}

/** The target of a draft; undefined when the amount is missing or out of bounds. */
function targetOf(draft: TargetDraft): ServiceTarget | null | undefined {
  if (draft.unit === 'none') return null;
  const { amount } = draft;
  if (amount === null || !Number.isInteger(amount) || amount < 1 || amount > maximumAmount[draft.unit]) return undefined;
  return { amount, unit: draft.unit };
}

/**
 * Edits a category's targets (administrators; team leads see them read-only). Each target is
 * "not applicable" or an amount of minutes, hours or working days. The change applies to
 * tickets created afterwards only.
 */
export function SlaPolicyEditor({ policy, canEdit, onClose }: { policy: SlaPolicyView; canEdit: boolean; onClose: () => void }) {
  const translate = useT();
  const { message } = App.useApp();
  const savePolicy = useSlaSettingsStore((state) => state.savePolicy);
  const { submitting, submit } = useSubmission();
  const [drafts, setDrafts] = useState<Record<SlaTargetKind, TargetDraft>>(() => ({
    firstResponse: draftOf(policy.firstResponse),
    reply: draftOf(policy.reply),
    resolve: draftOf(policy.resolve),
    callback: draftOf(policy.callback),
  }));
  const [checked, setChecked] = useState(false);
  const [failureCode, setFailureCode] = useState<ErrorCode | null>(null);
  const category = categoryLabel(policy.category, translate);

  function change(kind: SlaTargetKind, draft: Partial<TargetDraft>): void {
    setDrafts((current) => {
      const next = { ...current[kind], ...draft };
      // A unit chosen for a target that had none starts from 1 rather than an empty box.
      return { ...current, [kind]: next.unit !== 'none' && next.amount === null && draft.unit !== undefined ? { ...next, amount: 1 } : next };
    });
  }

  async function handleSave(): Promise<void> {
    setChecked(true);
    const targets = Object.fromEntries(slaTargetKinds.map((kind) => [kind, targetOf(drafts[kind])])) as Record<SlaTargetKind, ServiceTarget | null | undefined>;
    if (slaTargetKinds.some((kind) => targets[kind] === undefined)) return;
    const saved: SlaPolicy = {
      category: policy.category,
      firstResponse: targets.firstResponse ?? null,
      reply: targets.reply ?? null,
      resolve: targets.resolve ?? null,
      callback: targets.callback ?? null,
    };
    await submit(async () => {
      setFailureCode(null);
      const failure = await savePolicy(saved);
      if (failure !== null) {
        setFailureCode(failure.code);
        return;
      }
      void message.success(translate('slaSettings.policy.saved', { category }));
      onClose();
    });
  }

  return (
    <Modal
      open
      width={720}
      title={translate(canEdit ? 'slaSettings.editor.title' : 'slaSettings.editor.viewTitle', { category })}
      onCancel={onClose}
      footer={null}
      mask={{ closable: false }}
    >
      <div data-testid="sla-policy-editor" data-category={policy.category}>
        <FailureAlert code={failureCode} testId="sla-policy-editor-error" />
        {canEdit ? <Alert className="form-alert" type="info" showIcon title={translate('slaSettings.newTicketsOnly')} /> : null}
        <Typography.Paragraph type="secondary">{translate('slaSettings.editor.hint')}</Typography.Paragraph>
        <Form layout="vertical" component="div" disabled={!canEdit}>
          {slaTargetKinds.map((kind) => {
            const draft = drafts[kind];
            const invalid = checked && targetOf(draft) === undefined;
            return (
              <Form.Item
                key={kind}
                label={translate(`tickets.target.${kind}`)}
                extra={translate('slaSettings.editor.default', { target: targetLabel(policy.defaultTargets[kind], translate) })}
                validateStatus={invalid ? 'error' : undefined}
                help={invalid && draft.unit !== 'none' ? translate('slaSettings.editor.amountInvalid', { max: maximumAmount[draft.unit] }) : undefined}
              >
                <Flex gap={12} align="center" wrap>
                  <InputNumber
                    min={1}
                    max={draft.unit === 'none' ? undefined : maximumAmount[draft.unit]}
                    precision={0}
                    value={draft.amount}
                    disabled={!canEdit || draft.unit === 'none'}
                    onChange={(value) => change(kind, { amount: typeof value === 'number' ? value : null })}
                    aria-label={`${translate(`tickets.target.${kind}`)} ${translate('slaSettings.editor.amount')}`}
                    style={{ width: 120 }}
                    data-testid={`sla-policy-amount-${kind}`}
                  />
                  <Radio.Group
                    optionType="button"
                    value={draft.unit}
                    onChange={(event) => change(kind, { unit: event.target.value as TargetDraft['unit'] })}
                    options={[
                      { value: 'none', label: translate('slaSettings.editor.none') },
                      ...targetUnits.map((unit) => ({ value: unit, label: translate(`slaSettings.editor.unit.${unit}`) })),
                    ]}
                    data-testid={`sla-policy-unit-${kind}`}
                  />
                </Flex>
              </Form.Item>
            );
          })}
        </Form>
        <div className="modal-actions">
          <Button onClick={onClose} data-testid="sla-policy-cancel">
            {translate('common.cancel')}
          </Button>
          {canEdit ? (
            <Button type="primary" loading={submitting} onClick={() => void handleSave()} data-testid="sla-policy-save">
              {translate('common.save')}
            </Button>
          ) : null}
        </div>
      </div>
    </Modal>
  );
}

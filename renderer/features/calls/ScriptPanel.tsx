import { Card, Checkbox, Select, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { CallScript } from '../../../common/call-scripts/script';
import type { CallView } from '../../../common/ipc/calls';
import { getApi } from '../../api/api';
import { FailureAlert } from '../../components/FailureAlert';
import { useNow } from '../../components/useNow';
import { useT } from '../../i18n/translate';
import { RenderedTemplate } from '../call-scripts/RenderedTemplate';
import { useCustomersStore } from '../customers/useCustomersStore';
import { useSettingsStore } from '../settings/useSettingsStore';
import { callScriptValues, firstOpenStep, formatDuration, scriptForCall } from './callScriptValues';
import { useCallStore } from './useCallStore';

type Failure = Parameters<typeof FailureAlert>[0]['code'];

/**
 * The call script: every step with its variables filled from the settings, the agent and the
 * open (masked) record, the current one large. Alt+↓ ticks the current step (main stores when)
 * and moves on, Alt+↑ goes back; a click selects a step, its box ticks or unticks it.
 */
export function ScriptPanel({ call, agentId }: { call: CallView; agentId: string }) {
  const translate = useT();
  const settings = useSettingsStore((state) => state.settings);
  const customer = useCustomersStore((state) => state.customer);
  const typedSurname = useCallStore((state) => state.typedSurname);
  const typedGender = useCallStore((state) => state.typedGender);
  const recordStep = useCallStore((state) => state.recordStep);
  const [scripts, setScripts] = useState<CallScript[] | null>(null);
  const [chosenId, setChosenId] = useState<string | null>(call.scriptId);
  const [failure, setFailure] = useState<Failure>(null);

  useEffect(() => {
    let current = true;
    void getApi()
      .callScripts.list({})
      .then((result) => {
        if (!current) return;
        if (result.ok) setScripts(result.value.scripts);
        else setFailure(result.code);
      });
    return () => {
      current = false;
    };
  }, []);

  const script = scripts === null ? undefined : scriptForCall(scripts, { direction: call.direction, scriptId: chosenId });
  const done = useMemo(
    () => new Map(call.steps.filter((step) => step.scriptId === script?.id).map((step) => [step.stepId, step.doneAt])),
    [call.steps, script?.id],
  );
  const [currentIndex, setCurrentIndex] = useState<number | null>(null);
  const [stepShownAt, setStepShownAt] = useState(() => Date.now());
  const index = script === undefined ? 0 : Math.min(currentIndex ?? firstOpenStep(script, new Set(done.keys())), script.steps.length - 1);
  const stepSeconds = Math.max(0, (useNow() - stepShownAt) / 1000);

  const values = callScriptValues({
    companyName: settings.companyName,
    hotline: settings.hotline,
    agentId,
    customer,
    typedSurname,
    typedGender,
    hour: new Date().getHours(),
  });

  function select(next: number): void {
    if (script === undefined) return;
    setCurrentIndex(Math.max(0, Math.min(next, script.steps.length - 1)));
    setStepShownAt(Date.now());
  }

  async function tick(stepId: string, value: boolean): Promise<void> {
    if (script === undefined) return;
    const result = await recordStep(script.id, stepId, value);
    setFailure(result?.code ?? null);
  }

  useEffect(() => {
    function handleKey(event: KeyboardEvent): void {
      if (script === undefined || !event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
      if (event.code === 'ArrowDown') {
        event.preventDefault();
        const step = script.steps[index];
        if (step !== undefined && !done.has(step.id)) void tick(step.id, true);
        select(index + 1);
      } else if (event.code === 'ArrowUp') {
        event.preventDefault();
        select(index - 1);
      }
    }
    window.addEventListener('keydown', handleKey);
    return () => window.removeEventListener('keydown', handleKey);
  });

  const title = (
    <span className="script-panel-title">
      {translate('calls.script.title')}
      {scripts === null || scripts.length < 2 ? null : (
        <Select
          size="small"
          value={script?.id}
          onChange={(id: string) => {
            setChosenId(id);
            setCurrentIndex(null);
            void useCallStore.getState().chooseScript(id);
          }}
          options={scripts.map((item) => ({ value: item.id, label: item.name }))}
          popupMatchSelectWidth={false}
          data-testid="script-choose"
        />
      )}
    </span>
  );

  return (
    <Card size="small" className="script-panel" title={title} extra={<Typography.Text type="secondary">{translate('calls.script.keys')}</Typography.Text>} data-testid="script-panel">
      <FailureAlert code={failure} testId="script-error" />
      {script === undefined ? (
        <Typography.Text type="secondary">{scripts === null ? translate('calls.script.loading') : translate('calls.script.none')}</Typography.Text>
      ) : (
        <ol className="script-steps">
          {script.steps.map((step, position) => {
            const isCurrent = position === index;
            const doneAt = done.get(step.id);
            const over = isCurrent && step.targetSeconds !== null && stepSeconds > step.targetSeconds;
            return (
              <li
                key={step.id}
                className={`script-step${isCurrent ? ' script-step-current' : ''}${doneAt === undefined ? '' : ' script-step-done'}`}
                data-testid={`script-step-${step.id}`}
                data-current={isCurrent ? 'true' : 'false'}
                data-done={doneAt === undefined ? 'false' : 'true'}
                onClick={() => select(position)}
              >
                <div className="script-step-head">
                  <Checkbox
                    checked={doneAt !== undefined}
                    onClick={(event) => event.stopPropagation()}
                    onChange={(event) => void tick(step.id, event.target.checked)}
                    data-testid={`script-tick-${step.id}`}
                  />
                  <Typography.Text strong={isCurrent}>{step.title}</Typography.Text>
                  {step.required ? null : <Tag>{translate('calls.script.optional')}</Tag>}
                  {isCurrent && step.targetSeconds !== null ? (
                    <Tag color={over ? 'red' : 'default'} className="script-step-clock" data-testid="script-step-clock">
                      {formatDuration(stepSeconds)} / {formatDuration(step.targetSeconds)}
                    </Tag>
                  ) : null}
                  {doneAt === undefined ? null : (
                    <Typography.Text type="secondary" className="script-step-done-at">
                      {new Date(doneAt).toLocaleTimeString()}
                    </Typography.Text>
                  )}
                </div>
                <div className="script-step-text" data-testid={isCurrent ? 'script-current-text' : undefined}>
                  <RenderedTemplate template={step.template} values={values} />
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}

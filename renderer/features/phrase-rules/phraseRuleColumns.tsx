import { App, Button, Flex, Popconfirm, Space, Switch, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { PhraseRule } from '../../../common/phrase-engine/rulebook';
import { testIdProps } from '../../components/testIdProps';
import { useErrorMessage, useT, type Translate } from '../../i18n/translate';
import { CategoryTag, SeverityTag } from './ruleLabels';
import { usePhraseRulesStore } from './usePhraseRulesStore';

/** Tags shown in a cell before the rest fold into "+N". */
const tagsShown = 4;

/** A list of short texts as tags; past a few, a "+N" tag whose tooltip lists them all. */
function TextTags({ items, testId, color }: { items: readonly string[]; testId: string; color?: string }) {
  const translate = useT();
  if (items.length === 0) return <Typography.Text type="secondary">{translate('common.none')}</Typography.Text>;
  const hidden = items.length - tagsShown;
  return (
    <Flex wrap gap={4} data-testid={testId}>
      {items.slice(0, tagsShown).map((item, index) => (
        <Tag key={index} color={color} style={{ marginInlineEnd: 0 }}>
          {item}
        </Tag>
      ))}
      {hidden > 0 ? (
        <Tooltip title={items.join(translate('phraseRules.listSeparator'))}>
          <Tag style={{ marginInlineEnd: 0 }}>{translate('phraseRules.more', { count: hidden })}</Tag>
        </Tooltip>
      ) : null}
    </Flex>
  );
}

/** The enabled switch: administrators turn a rule on or off in place (an audited update). */
function EnabledSwitch({ rule, canEdit }: { rule: PhraseRule; canEdit: boolean }) {
  const translate = useT();
  const describeError = useErrorMessage();
  const { message } = App.useApp();
  const update = usePhraseRulesStore((state) => state.update);
  const saving = usePhraseRulesStore((state) => state.saving.includes(rule.id));

  async function handleChange(enabled: boolean): Promise<void> {
    const failure = await update({ ...rule, enabled });
    if (failure === null) void message.success(translate(enabled ? 'phraseRules.enabledOn' : 'phraseRules.enabledOff', { id: rule.id }));
    else void message.error(describeError(failure.code));
  }

  return (
    <Switch
      size="small"
      checked={rule.enabled}
      loading={saving}
      disabled={!canEdit}
      onChange={(enabled) => void handleChange(enabled)}
      aria-label={`${translate('phraseRules.column.enabled')} ${rule.id}`}
      data-testid={`phrase-rule-enabled-${rule.id}`}
      data-enabled={rule.enabled ? 'true' : 'false'}
    />
  );
}

/** Edit and delete (after a confirmation naming the rule). */
function RuleActions({ rule, onEdit }: { rule: PhraseRule; onEdit: () => void }) {
  const translate = useT();
  const describeError = useErrorMessage();
  const { message } = App.useApp();
  const remove = usePhraseRulesStore((state) => state.remove);

  async function handleDelete(): Promise<void> {
    const failure = await remove(rule.id);
    if (failure === null) void message.success(translate('phraseRules.deleted', { id: rule.id }));
    else void message.error(describeError(failure.code));
  }

  return (
    <Space size={0}>
      <Button type="link" size="small" onClick={onEdit} aria-label={`${translate('phraseRules.edit')} ${rule.id}`} data-testid={`phrase-rule-edit-${rule.id}`}>
        {translate('phraseRules.edit')}
      </Button>
      <Popconfirm
        title={translate('phraseRules.deleteConfirmTitle', { id: rule.id })}
        description={translate('phraseRules.deleteConfirm', { phrases: rule.phrases.join(translate('phraseRules.listSeparator')) })}
        okText={translate('phraseRules.delete')}
        cancelText={translate('common.cancel')}
        okButtonProps={{ danger: true, ...testIdProps('phrase-rule-delete-confirm') }}
        onConfirm={handleDelete}
      >
        <Button type="link" size="small" danger aria-label={`${translate('phraseRules.delete')} ${rule.id}`} data-testid={`phrase-rule-delete-${rule.id}`}>
          {translate('phraseRules.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

/** The rule table's columns; without `canEdit` (a team lead) the table only reads. */
export function phraseRuleColumns(
  translate: Translate,
  { canEdit, onEdit }: { canEdit: boolean; onEdit: (rule: PhraseRule) => void },
): TableColumnsType<PhraseRule> {
  const columns: TableColumnsType<PhraseRule> = [
    {
      key: 'id',
      width: 110,
      title: translate('phraseRules.column.id'),
      dataIndex: 'id',
      fixed: 'left',
      sorter: (left, right) => left.id.localeCompare(right.id),
      render: (id: string) => <Typography.Text strong>{id}</Typography.Text>,
    },
    {
      key: 'phrases',
      width: 240,
      title: translate('phraseRules.column.phrases'),
      render: (_value, rule) => <TextTags items={rule.phrases} testId={`phrase-rule-phrases-${rule.id}`} color="volcano" />,
    },
    {
      key: 'category',
      width: 120,
      title: translate('phraseRules.column.category'),
      render: (_value, rule) => <CategoryTag category={rule.category} />,
    },
    {
      key: 'severity',
      width: 110,
      title: translate('phraseRules.column.severity'),
      sorter: (left, right) => left.severity.localeCompare(right.severity),
      render: (_value, rule) => <SeverityTag severity={rule.severity} testId={`phrase-rule-severity-${rule.id}`} />,
    },
    {
      key: 'exceptions',
      width: 200,
      title: translate('phraseRules.column.exceptions'),
      render: (_value, rule) => <TextTags items={rule.exceptions} testId={`phrase-rule-exceptions-${rule.id}`} />,
    },
    {
      key: 'suggestions',
      width: 240,
      title: translate('phraseRules.column.suggestions'),
      render: (_value, rule) =>
        rule.suggestions.length === 0 ? (
          <Typography.Text type="secondary">{translate('common.none')}</Typography.Text>
        ) : (
          <Tooltip title={rule.suggestions.join(translate('phraseRules.listSeparator'))}>
            <Flex align="center" gap={4} data-testid={`phrase-rule-suggestions-${rule.id}`}>
              <Typography.Text ellipsis style={{ minWidth: 0 }}>
                {rule.suggestions[0]}
              </Typography.Text>
              {rule.suggestions.length > 1 ? (
                <Tag style={{ marginInlineEnd: 0, flex: 'none' }}>{translate('phraseRules.more', { count: rule.suggestions.length - 1 })}</Tag>
              ) : null}
            </Flex>
          </Tooltip>
        ),
    },
    {
      key: 'enabled',
      width: 80,
      title: translate('phraseRules.column.enabled'),
      render: (_value, rule) => <EnabledSwitch rule={rule} canEdit={canEdit} />,
    },
    {
      key: 'note',
      width: 200,
      title: translate('phraseRules.column.note'),
      render: (_value, rule) =>
        rule.note === '' ? (
          <Typography.Text type="secondary">{translate('common.none')}</Typography.Text>
        ) : (
          <Typography.Text type="secondary" ellipsis={{ tooltip: rule.note }}>
            {rule.note}
          </Typography.Text>
        ),
    },
  ];
  if (canEdit) {
    columns.push({
      key: 'actions',
      width: 130,
      title: translate('phraseRules.column.actions'),
      fixed: 'right',
      render: (_value, rule) => <RuleActions rule={rule} onEdit={() => onEdit(rule)} />,
    });
  }
  return columns;
}

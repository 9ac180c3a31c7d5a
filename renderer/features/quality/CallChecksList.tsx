import { Flex, Tag, Tooltip, Typography } from 'antd';
import { callCheckNames, type CallChecks } from '../../../common/quality/call-checks';
import { useT } from '../../i18n/translate';
import { checkDetail, checkStatusColors } from './qualityLabels';

/**
 * A call's automatic checks: compact, one tag per check with its figure on hover (in lists); or
 * in full, one line per check with the figure written out (in a call's details).
 */
export function CallChecksList({ checks, compact = false }: { checks: CallChecks; compact?: boolean }) {
  const translate = useT();
  if (compact) {
    return (
      <Flex gap={4} wrap data-testid="quality-checks">
        {callCheckNames.map((name) => (
          <Tooltip key={name} title={translate('quality.statusWithDetail', { status: translate(`quality.status.${checks[name].status}`), detail: checkDetail(name, checks, translate) })}>
            <Tag color={checkStatusColors[checks[name].status]} data-testid={`quality-check-${name}`} data-status={checks[name].status} style={{ marginInlineEnd: 0 }}>
              {translate(`quality.check.${name}`)}
            </Tag>
          </Tooltip>
        ))}
      </Flex>
    );
  }
  return (
    <table data-testid="quality-checks">
      <tbody>
        {callCheckNames.map((name) => (
          <tr key={name} data-testid={`quality-check-${name}`} data-status={checks[name].status}>
            <th scope="row" style={{ textAlign: 'start', paddingInlineEnd: 12, fontWeight: 'normal', whiteSpace: 'nowrap' }}>
              {translate(`quality.check.${name}`)}
            </th>
            <td style={{ paddingInlineEnd: 12 }}>
              <Tag color={checkStatusColors[checks[name].status]}>{translate(`quality.status.${checks[name].status}`)}</Tag>
            </td>
            <td>
              <Typography.Text type="secondary">{checkDetail(name, checks, translate)}</Typography.Text>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

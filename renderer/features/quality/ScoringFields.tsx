import { Alert, Checkbox, Form, InputNumber, Typography, type FormInstance } from 'antd';
import { fatalItems, scorecardItemMaxPoints, scorecardItems, scorecardTotal, type FatalItem, type ScorecardPoints } from '../../../common/quality/scorecard';
import { useT } from '../../i18n/translate';

/** What the scoring fields hold. */
export type ScoringValues = { points: ScorecardPoints; fatalItems: FatalItem[] };

/** Points per item, whole numbers in range; blanks count as 0 for the live total only. */
function totalOf(values: Partial<ScoringValues> | undefined): number {
  const points = Object.fromEntries(scorecardItems.map((item) => [item, Number(values?.points?.[item] ?? 0) || 0])) as ScorecardPoints;
  return scorecardTotal(points, values?.fatalItems ?? []);
}

/**
 * The items of a scorecard with their ranges, the fatal items and the total as it stands (0 with
 * any fatal item). Used to score a call and to revise a score on an upheld appeal.
 */
export function ScoringFields({ form }: { form: FormInstance }) {
  const translate = useT();
  const points = Form.useWatch('points', form) as Partial<ScorecardPoints> | undefined;
  const fatal = (Form.useWatch('fatalItems', form) as FatalItem[] | undefined) ?? [];
  const total = totalOf({ points: points as ScorecardPoints, fatalItems: fatal });
  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 24 }}>
        {scorecardItems.map((item) => (
          <Form.Item
            key={item}
            name={['points', item]}
            label={translate('quality.item.withMaximum', { item: translate(`quality.item.${item}`), max: scorecardItemMaxPoints[item] })}
            rules={[{ required: true, type: 'integer', min: 0, max: scorecardItemMaxPoints[item], message: translate('quality.pointsInvalid', { max: scorecardItemMaxPoints[item] }) }]}
          >
            <InputNumber min={0} max={scorecardItemMaxPoints[item]} precision={0} style={{ width: 120 }} data-testid={`quality-points-${item}`} />
          </Form.Item>
        ))}
      </div>
      <Form.Item name="fatalItems" label={translate('quality.fatal.title')} extra={translate('quality.fatal.hint')}>
        <Checkbox.Group
          options={fatalItems.map((item) => ({ value: item, label: <span data-testid={`quality-fatal-${item}`}>{translate(`quality.fatal.${item}`)}</span> }))}
        />
      </Form.Item>
      {fatal.length > 0 ? <Alert className="form-alert" type="error" showIcon title={translate('quality.fatal.zero')} /> : null}
      <Typography.Paragraph>
        {translate('quality.total')}{' '}
        <Typography.Text strong data-testid="quality-scoring-total">
          {total}
        </Typography.Text>{' '}
        / 100
      </Typography.Paragraph>
    </>
  );
}

import { Alert, Typography } from 'antd';

/** One problem of a refused import file, already in words; `where` goes on the item for tests. */
export type ImportProblemItem = Readonly<{ text: string; where: Readonly<Record<`data-${string}`, string | number>> }>;

/**
 * Every problem of a refused import file and that nothing was imported: the title, one item
 * per problem, and how many more main did not send. Test ids `${testIdPrefix}-problems` and
 * `${testIdPrefix}-problem`.
 */
export function ImportProblemList({ title, items, more, testIdPrefix }: { title: string; items: readonly ImportProblemItem[]; more: string | null; testIdPrefix: string }) {
  return (
    <Alert
      className="form-alert"
      type="error"
      showIcon
      role="alert"
      data-testid={`${testIdPrefix}-problems`}
      title={title}
      description={
        <>
          <ol style={{ margin: '4px 0 0', paddingInlineStart: 20, maxHeight: 240, overflowY: 'auto' }}>
            {items.map((item, index) => (
              <li key={index} className="break-anywhere" data-testid={`${testIdPrefix}-problem`} {...item.where}>
                {item.text}
              </li>
            ))}
          </ol>
          {more === null ? null : <Typography.Text type="secondary">{more}</Typography.Text>}
        </>
      }
    />
  );
}

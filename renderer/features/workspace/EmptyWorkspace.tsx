import { Empty, Typography } from 'antd';
import { useT } from '../../i18n/translate';

/** The workspace while no call is in progress: calm, and honest that nothing is there yet. */
export function EmptyWorkspace() {
  const translate = useT();
  return (
    <section className="workspace-empty" data-testid="workspace-empty">
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <Typography.Title level={4} className="workspace-empty-title">
              {translate('workspace.emptyTitle')}
            </Typography.Title>
            <Typography.Text type="secondary">{translate('workspace.emptyDescription')}</Typography.Text>
          </>
        }
      />
    </section>
  );
}

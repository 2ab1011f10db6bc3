import { Empty } from 'antd';
import type { ReactNode } from 'react';

/** An empty state that says what to do next, with an optional action. */
export function EmptyState({ title, hint, action }: { title?: string; hint: string; action?: ReactNode }) {
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <div>
          {title && <div style={{ fontWeight: 600, marginBottom: 4 }}>{title}</div>}
          <div>{hint}</div>
        </div>
      }
    >
      {action}
    </Empty>
  );
}

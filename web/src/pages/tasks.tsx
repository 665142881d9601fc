// My tasks across cases, the earliest due first; for heads, the approvals queue (the same list, their approvals).
import { Card, Table, Tag } from 'antd';
import { useContext } from 'react';
import { usePoll } from '../api';
import { DueTag, Link, matterPath } from '../format';
import { bilingual, LangContext, pick, ROLES, useT } from '../i18n';
import type { Me } from '../shell';

interface MyTask {
  id: string;
  caseNumber: string;
  kind: string;
  title: string;
  role: string;
  dueOn: string | null;
  overdue: boolean;
  workingDaysLeft: number | null;
}

export function TasksPage({ me, approvals = false }: { me: Me; approvals?: boolean }) {
  const t = useT();
  const { lang } = useContext(LangContext);
  const { data, loading } = usePoll<{ items: MyTask[] }>('/api/tasks/mine?limit=500');
  const heads = ['agency_head', 'principal_head'];
  const items = (data?.items ?? []).filter((x) => !approvals || heads.includes(x.role));
  return (
    <Card title={t(approvals ? 'approvals' : 'myTasks')} extra={<Tag>{me.displayName}</Tag>}>
      <Table
        rowKey="id"
        size="middle"
        loading={loading && !data}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="tasks"
        columns={[
          {
            title: t('due'),
            dataIndex: 'dueOn',
            width: 260,
            render: (_: unknown, r: MyTask) => (
              <DueTag dueOn={r.dueOn} overdue={r.overdue} left={r.workingDaysLeft} lang={lang} />
            ),
          },
          {
            title: t('caseNumber'),
            dataIndex: 'caseNumber',
            render: (n: string) => <Link to={matterPath(n)}>{n}</Link>,
          },
          { title: t('task'), dataIndex: 'title', render: (s: string) => bilingual(s, lang) },
          {
            title: t('status'),
            dataIndex: 'role',
            render: (r: string) => <Tag>{pick(ROLES[r], lang, r)}</Tag>,
          },
        ]}
      />
    </Card>
  );
}

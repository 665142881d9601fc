// The case list of my units: filters (stage, open/closed, overdue), search by number or party, paging. The review
// queue is the same list in the review stage.
import { Button, Card, Drawer, Input, Select, Space, Switch, Table, Tag } from 'antd';
import { RegisterClueSchema } from '../../../schema/case.js';
import { api } from '../api';
import { navigate } from '../router';
import { ZodForm } from '../zod-form';
import { useContext, useState } from 'react';
import { query, usePoll } from '../api';
import { DueTag, Link, stageName } from '../format';
import { LangContext, STAGES, useT } from '../i18n';

export interface CaseSummary {
  number: string;
  unitId: string;
  stage: string;
  status: string;
  respondent: { name: string };
  summary: string;
  overdue: boolean;
  nextDueOn: string | null;
  engineStatus: string | null;
}

const CASE_STAGES = [
  'filing',
  'investigation',
  'review',
  'notice',
  'hearing',
  'decision',
  'service',
  'served',
  'closed',
];

export function CasesPage({
  stage: fixedStage,
  mayRegister = false,
}: {
  stage?: string;
  mayRegister?: boolean;
}) {
  const [registering, setRegistering] = useState(false);
  const t = useT();
  const { lang } = useContext(LangContext);
  const [stage, setStage] = useState<string | undefined>(fixedStage);
  const [status, setStatus] = useState<string | undefined>('open');
  const [overdue, setOverdue] = useState(false);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const path = `/api/cases${query({ stage: fixedStage ?? stage, status, overdue: overdue ? 'true' : undefined, q: q.trim() || undefined, page, pageSize: 20 })}`;
  const { data, loading } = usePoll<{ items: CaseSummary[]; total: number }>(path, 10_000);
  return (
    <Card
      title={t(fixedStage ? 'reviewQueue' : 'cases')}
      extra={
        mayRegister && (
          <Button type="primary" onClick={() => setRegistering(true)} data-testid="register-clue">
            {t('registerClue')}
          </Button>
        )
      }
    >
      <Drawer
        title={t('registerClue')}
        open={registering}
        onClose={() => setRegistering(false)}
        size="large"
        destroyOnHidden
      >
        <ZodForm
          schema={RegisterClueSchema}
          lang={lang}
          name="clue"
          testId="form-clue"
          onSubmit={async (body, key) => {
            const r = await api<{ caseNumber: string }>('POST', '/api/clues', body, {
              'idempotency-key': key,
            });
            setRegistering(false);
            navigate(`/cases/${encodeURIComponent(r.caseNumber)}`);
          }}
        />
      </Drawer>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('search')}
          style={{ width: 260 }}
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
          data-testid="case-search"
        />
        {!fixedStage && (
          <Select
            allowClear
            placeholder={t('stage')}
            style={{ width: 140 }}
            value={stage}
            onChange={(v) => {
              setStage(v);
              setPage(1);
            }}
            options={CASE_STAGES.map((s) => ({ value: s, label: stageName(s, lang) }))}
          />
        )}
        <Select
          style={{ width: 120 }}
          value={status ?? 'all'}
          onChange={(v) => {
            setStatus(v === 'all' ? undefined : v);
            setPage(1);
          }}
          options={[
            { value: 'open', label: t('open') },
            { value: 'closed', label: t('closed') },
            { value: 'all', label: t('all') },
          ]}
        />
        <Space>
          <Switch
            checked={overdue}
            onChange={(v) => {
              setOverdue(v);
              setPage(1);
            }}
          />{' '}
          {t('overdue')}
        </Space>
      </Space>
      <Table
        rowKey="number"
        size="middle"
        loading={loading && !data}
        dataSource={data?.items ?? []}
        data-testid="cases"
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t('caseNumber'),
            dataIndex: 'number',
            render: (n: string) => <Link to={`/cases/${n}`}>{n}</Link>,
          },
          { title: t('respondent'), render: (_: unknown, r: CaseSummary) => r.respondent.name },
          { title: t('summary'), dataIndex: 'summary', ellipsis: true },
          {
            title: t('stage'),
            dataIndex: 'stage',
            render: (s: string, r: CaseSummary) => (
              <Space>
                <Tag color={r.status === 'closed' ? 'default' : 'blue'}>{stageName(s, lang)}</Tag>
                {r.engineStatus && <Tag color="red">{r.engineStatus}</Tag>}
              </Space>
            ),
          },
          {
            title: t('due'),
            dataIndex: 'nextDueOn',
            render: (_: unknown, r: CaseSummary) => (
              <DueTag dueOn={r.nextDueOn} overdue={r.overdue} lang={lang} />
            ),
          },
          { title: t('unit'), dataIndex: 'unitId' },
        ]}
      />
    </Card>
  );
}

export { STAGES };

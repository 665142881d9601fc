// The intake office: register a complaint or a report (12315, walk-in, letter …), the complaints of my units, and
// a complaint's page with its acceptance decision, mediation record and what follows. The submitter's identity is
// read only here, only by intake, with a purpose that is logged.
import { App, Button, Card, Descriptions, Input, Result, Space, Table, Tabs, Tag } from 'antd';
import { useContext, useState } from 'react';
import { CreateSubmissionSchema } from '../../../schema/submission.js';
import { ActionForms } from '../actions';
import { COMPLAINT_COMMANDS } from '../commands';
import { api, ApiError, get, query, usePoll } from '../api';
import { DueTag, Link, stageName } from '../format';
import { FIELD_LABELS, LangContext, pick, useT, valueLabel } from '../i18n';
import type { Me } from '../shell';
import { ZodForm } from '../zod-form';
import { Deadlines, type ClockView } from './case';

interface ComplaintSummary {
  number: string;
  stage: string;
  status: string;
  respondent: { name: string };
  subject: string;
  receivedOn: string;
  overdue: boolean;
  nextDueOn: string | null;
  details: { submissionId?: string; channel?: string } | null;
}

export function IntakePage({ me }: { me: Me }) {
  const t = useT();
  const { lang } = useContext(LangContext);
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const { data, reload } = usePoll<{ items: ComplaintSummary[]; total: number }>(
    `/api/complaints${query({ page, pageSize: 20 })}`,
    10_000,
  );
  return (
    <Tabs
      items={[
        {
          key: 'list',
          label: t('complaints'),
          children: (
            <Card>
              <Table
                rowKey="number"
                size="middle"
                dataSource={data?.items ?? []}
                data-testid="complaints"
                pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
                columns={[
                  {
                    title: t('caseNumber'),
                    dataIndex: 'number',
                    render: (n: string) => <Link to={`/complaints/${n}`}>{n}</Link>,
                  },
                  { title: t('respondent'), render: (_: unknown, r: ComplaintSummary) => r.respondent.name },
                  { title: lang === 'zh' ? '事项' : 'Subject', dataIndex: 'subject' },
                  {
                    title: t('stage'),
                    dataIndex: 'stage',
                    render: (s: string) => <Tag>{stageName(s, lang)}</Tag>,
                  },
                  {
                    title: t('due'),
                    render: (_: unknown, r: ComplaintSummary) => (
                      <DueTag dueOn={r.nextDueOn} overdue={r.overdue} lang={lang} />
                    ),
                  },
                ]}
              />
            </Card>
          ),
        },
        {
          key: 'register',
          label: t('register'),
          children: (
            <Card
              title={
                lang === 'zh'
                  ? '登记投诉举报（12315、来访、来信…）'
                  : 'Register a complaint or report (12315, walk-in, letter …)'
              }
            >
              <ZodForm
                schema={CreateSubmissionSchema}
                lang={lang}
                testId="form-submission"
                onSubmit={async (body, key) => {
                  const r = await api<{ complaintNumber?: string | null; caseNumber?: string | null }>(
                    'POST',
                    '/api/submissions',
                    body,
                    { 'idempotency-key': key },
                  );
                  void message.success(
                    [r.complaintNumber, r.caseNumber].filter(Boolean).join(' · ') || t('done'),
                  );
                  void reload();
                }}
              />
            </Card>
          ),
        },
      ]}
      tabBarExtraContent={<Tag>{me.unitId}</Tag>}
    />
  );
}

function Submitter({ submissionId, lang }: { submissionId: string; lang: 'zh' | 'en' }) {
  const [purpose, setPurpose] = useState('');
  const [person, setPerson] = useState<Record<string, unknown> | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <Card
      size="small"
      title={lang === 'zh' ? '投诉举报人身份（查阅留痕）' : 'Submitter (every read is logged)'}
    >
      {person ? (
        <Descriptions size="small" column={1} data-testid="submitter">
          {Object.entries(person)
            .filter(([, v]) => v !== null && typeof v !== 'object')
            .map(([k, v]) => (
              <Descriptions.Item key={k} label={pick(FIELD_LABELS[k], lang, k)}>
                {typeof v === 'boolean' ? valueLabel(v, lang) : String(v)}
              </Descriptions.Item>
            ))}
        </Descriptions>
      ) : (
        <Space.Compact style={{ width: '100%' }}>
          <Input
            placeholder={lang === 'zh' ? '查阅目的' : 'Purpose'}
            value={purpose}
            onChange={(e) => setPurpose(e.target.value)}
          />
          <Button
            onClick={async () => {
              try {
                setPerson(
                  await get(
                    `/api/submissions/${encodeURIComponent(submissionId)}/submitter${query({ purpose })}`,
                  ),
                );
                setError(null);
              } catch (e) {
                if (e instanceof ApiError)
                  setError(
                    e.problem.detail ?? e.problem.errors.map((x) => x.message).join('；') ?? e.problem.title,
                  );
              }
            }}
          >
            {lang === 'zh' ? '查阅' : 'Read'}
          </Button>
        </Space.Compact>
      )}
      {error && (
        <div role="alert" style={{ color: '#b71c1c' }}>
          {error}
        </div>
      )}
    </Card>
  );
}

export function ComplaintPage({ number, me }: { number: string; me: Me }) {
  const t = useT();
  const { lang } = useContext(LangContext);
  const { data, error, reload } = usePoll<{
    complaint: ComplaintSummary;
    live: { submissionId?: string } | null;
    deadlines: ClockView[];
  }>(`/api/complaints/${encodeURIComponent(number)}`, 5000);
  if (error && !data)
    return (
      <Result status="403" title={t('forbidden')} subTitle={error.problem.detail ?? error.problem.title} />
    );
  if (!data) return <Card loading />;
  const c = data.complaint;
  const submissionId = data.live?.submissionId ?? c.details?.submissionId;
  const mayAct = me.roles.includes('complaint_handler');
  const commands = mayAct ? COMPLAINT_COMMANDS.filter((x) => x.stages.includes(c.stage)) : [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={<span data-testid="case-number">{c.number}</span>}
        extra={<Tag data-testid="case-stage">{stageName(c.stage, lang)}</Tag>}
      >
        <Descriptions size="small">
          <Descriptions.Item label={t('respondent')}>{c.respondent.name}</Descriptions.Item>
          <Descriptions.Item label={lang === 'zh' ? '事项' : 'Subject'}>{c.subject}</Descriptions.Item>
          <Descriptions.Item label={lang === 'zh' ? '收到日期' : 'Received'}>
            {c.receivedOn}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {mayAct && submissionId && <Submitter submissionId={submissionId} lang={lang} />}
      <Card>
        <Tabs
          items={[
            {
              key: 'actions',
              label: t('actions'),
              children: commands.length ? (
                <ActionForms
                  base={`/api/complaints/${encodeURIComponent(c.number)}`}
                  lang={lang}
                  onDone={() => void reload()}
                  actions={commands.map((cmd) => ({
                    path: cmd.path,
                    body: cmd.body,
                    label: lang === 'zh' ? cmd.zh : cmd.en,
                  }))}
                />
              ) : (
                <span>{t('noActions')}</span>
              ),
            },
            {
              key: 'deadlines',
              label: t('deadlines'),
              children: <Deadlines clocks={data.deadlines} lang={lang} />,
            },
          ]}
        />
      </Card>
    </Space>
  );
}

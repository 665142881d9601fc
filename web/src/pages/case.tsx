// A case: the party, stage and summary; the actions this user may take now, as forms; every deadline with how it
// was computed; the audit trail as a timeline; the evidence; the documents. It refreshes by itself.
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  List,
  Result,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useContext, useEffect, useState } from 'react';
import { api, ApiError, get, usePoll } from '../api';
import { ActionForms } from '../actions';
import { commandsFor } from '../commands';
import { chinaTime, DueTag, stageName, yuan } from '../format';
import type { ReviewPackage } from '../../../schema/decision.js';
import { bilingual, LangContext, pick, useT, valueLabel, type Lang } from '../i18n';
import type { Me } from '../shell';
import type { CaseSummary } from './cases';

export interface ClockView {
  name: string;
  title: { zh: string; en: string };
  rule: string;
  unit: 'WD' | 'CD' | 'M' | 'H';
  length: number;
  startedOn: string;
  status: string;
  dueOn: string | null;
  remaining: number;
  provisional: boolean;
  pauses: { from: string; to?: string; reason: string; approvedBy: string }[];
  extensions: { days: number; on: string; approvedBy: string; basis: string }[];
  explanation: string[];
}

interface CaseDetail {
  case: CaseSummary & {
    source: string;
    respondent: { name: string; kind: string; uscc?: string; address?: string };
    discoveredOn: string;
  };
  live: null | {
    rulePack: string;
    investigation: {
      investigators: string[];
      evidence: { id: string; type: string; description: string; collectedAt: string }[];
    };
  };
  deadlines: ClockView[];
  tasks: { id: string; title: string; role: string; dueOn: string | null; status: string }[];
}

interface AuditEntry {
  seq: number;
  at: string;
  actorId: string;
  action: string;
  details: unknown;
}

let summaries: Promise<Record<string, string>> | null = null;
/** The commands' titles, from the API's own description (bilingual). */
function commandSummaries(): Promise<Record<string, string>> {
  summaries ??= get<{ paths: Record<string, { post?: { summary?: string } }> }>('/api/openapi.json').then(
    (doc) =>
      Object.fromEntries(
        Object.entries(doc.paths)
          .filter(([p, op]) => p.startsWith('/api/cases/{number}/') && op.post?.summary)
          .map(([p, op]) => [p.slice('/api/cases/{number}/'.length), op.post!.summary!]),
      ),
  );
  return summaries;
}

const CLOCK_STATUS: Record<string, [string, string]> = {
  running: ['计时中', 'running'],
  paused: ['已暂停', 'paused'],
  overdue: ['已逾期', 'overdue'],
  stopped: ['已结束', 'ended'],
};

const UNIT_WORDS: Record<string, [string, string]> = {
  WD: ['个工作日', 'working days'],
  CD: ['日', 'calendar days'],
  M: ['个月', 'months'],
  H: ['小时', 'hours'],
};

export function Deadlines({ clocks, lang }: { clocks: ClockView[]; lang: Lang }) {
  const t = useT();
  return (
    <Table
      rowKey="name"
      size="small"
      pagination={false}
      dataSource={clocks}
      data-testid="deadlines"
      expandable={{
        expandRowByClick: false,
        expandedRowRender: (c: ClockView) => (
          <div data-testid={`explain-${c.name}`}>
            <Typography.Text strong>{t('howComputed')}</Typography.Text>
            <ol style={{ marginTop: 4 }}>
              {c.explanation.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ol>
            {c.pauses.length > 0 && (
              <div>
                {lang === 'zh' ? '暂停' : 'Pauses'}:{' '}
                {c.pauses.map((p) => `${p.from}–${p.to ?? '…'} ${p.reason}`).join('；')}
              </div>
            )}
            {c.extensions.length > 0 && (
              <div>
                {lang === 'zh' ? '延长' : 'Extensions'}:{' '}
                {c.extensions.map((e) => `+${e.days} (${e.on}, ${e.basis})`).join('；')}
              </div>
            )}
            <div style={{ color: '#888' }}>{c.rule}</div>
          </div>
        ),
      }}
      columns={[
        {
          title: lang === 'zh' ? '期限' : 'Period',
          render: (_: unknown, c: ClockView) => (lang === 'zh' ? c.title.zh : c.title.en),
        },
        {
          title: lang === 'zh' ? '时长' : 'Length',
          render: (_: unknown, c: ClockView) =>
            `${c.length} ${(UNIT_WORDS[c.unit] ?? ['', ''])[lang === 'zh' ? 0 : 1]}`,
        },
        { title: lang === 'zh' ? '起算' : 'From', dataIndex: 'startedOn' },
        {
          title: lang === 'zh' ? '届满日' : 'Due',
          render: (_: unknown, c: ClockView) =>
            c.status === 'stopped' ? (
              <Tag>{c.dueOn ?? '—'}</Tag>
            ) : (
              <DueTag
                dueOn={c.dueOn}
                overdue={c.status === 'overdue'}
                left={c.unit === 'WD' ? c.remaining : undefined}
                lang={lang}
              />
            ),
        },
        {
          title: t('status'),
          render: (_: unknown, c: ClockView) => (
            <Space>
              <Tag
                color={
                  c.status === 'overdue'
                    ? 'red'
                    : c.status === 'paused'
                      ? 'gold'
                      : c.status === 'running'
                        ? 'blue'
                        : 'default'
                }
              >
                {pick(CLOCK_STATUS[c.status], lang, c.status)}
              </Tag>
              {c.provisional && <Tag>{lang === 'zh' ? '暂定' : 'provisional'}</Tag>}
            </Space>
          ),
        },
      ]}
    />
  );
}

function Actions({
  detail,
  me,
  lang,
  onDone,
}: {
  detail: CaseDetail;
  me: Me;
  lang: Lang;
  onDone: () => void;
}) {
  const t = useT();
  const [titles, setTitles] = useState<Record<string, string>>({});
  useEffect(() => {
    void commandSummaries().then(setTitles, () => undefined);
  }, []);
  const c = detail.case;
  if (c.status === 'closed' && c.stage !== 'closed') return <Empty description={t('noActions')} />;
  const commands = commandsFor(c.stage, me.roles);
  if (!commands.length) return <Empty description={t('noActions')} />;
  return (
    <ActionForms
      base={`/api/cases/${encodeURIComponent(c.number)}`}
      lang={lang}
      onDone={onDone}
      actions={commands.map((cmd) => ({
        path: cmd.path,
        body: cmd.body,
        label: titles[cmd.path] ? bilingual(titles[cmd.path]!, lang) : cmd.path,
      }))}
    />
  );
}

function AuditTimeline({ number, lang }: { number: string; lang: Lang }) {
  const { data } = usePoll<{ items: AuditEntry[] }>(`/api/cases/${encodeURIComponent(number)}/audit`, 10_000);
  if (!data) return null;
  return (
    <Timeline
      data-testid="timeline"
      items={[...data.items].reverse().map((e) => ({
        key: e.seq,
        children: (
          <div>
            <Typography.Text strong>{e.action}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              #{e.seq} · {chinaTime(e.at, lang)} · {e.actorId}
            </Typography.Text>
            <details>
              <summary style={{ cursor: 'pointer', color: '#888' }}>
                {lang === 'zh' ? '详情' : 'Details'}
              </summary>
              <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12, maxHeight: 240, overflow: 'auto' }}>
                {JSON.stringify(e.details, null, 2)}
              </pre>
            </details>
          </div>
        ),
      }))}
    />
  );
}

interface DocumentList {
  items: {
    id: string;
    kind: string;
    title: string;
    number: string;
    step: number;
    versions: { version: number; sha256: string }[];
  }[];
  available: { kind: string; title: string; step: number; issued: boolean }[];
  archivedCaseFile: { at: string } | null;
}

function Documents({ number, lang }: { number: string; lang: Lang }) {
  const t = useT();
  const { message } = App.useApp();
  const base = `/api/cases/${encodeURIComponent(number)}`;
  const { data, reload } = usePoll<DocumentList>(`${base}/documents`, 15_000);
  if (!data) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <List
        header={<b>{t('documents')}</b>}
        dataSource={data.items}
        locale={{ emptyText: '—' }}
        renderItem={(d) => (
          <List.Item
            actions={[
              <a key="pdf" href={`${base}/documents/${d.kind}/${d.step}/pdf`}>
                PDF
              </a>,
              <a key="docx" href={`${base}/documents/${d.kind}/${d.step}/docx`}>
                Word
              </a>,
            ]}
          >
            {d.title} · {d.number} · v{d.versions.length}
          </List.Item>
        )}
      />
      <List
        header={<b>{lang === 'zh' ? '可制作的文书' : 'May be issued now'}</b>}
        dataSource={data.available.filter((a) => !a.issued)}
        locale={{ emptyText: '—' }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button
                key="issue"
                size="small"
                onClick={async () => {
                  try {
                    await api('POST', `${base}/documents`, { kind: a.kind, step: a.step });
                    void reload();
                  } catch (e) {
                    if (e instanceof ApiError)
                      void message.error(`${e.problem.code}: ${e.problem.detail ?? e.problem.title}`);
                  }
                }}
              >
                {t('issue')}
              </Button>,
            ]}
          >
            {a.title} (#{a.step})
          </List.Item>
        )}
      />
      <a href={`${base}/case-file`}>
        {t('caseFile')} (PDF){data.archivedCaseFile ? ` · ${lang === 'zh' ? '已归档' : 'archived'}` : ''}
      </a>
    </Space>
  );
}

/** What the reviewer reviews: the report, the proposal with its facts, basis and penalties, the evidence, and
 * whether legal review and collective discussion are required (and why). */
function ReviewPackageView({ number, lang }: { number: string; lang: Lang }) {
  const { data, error } = usePoll<ReviewPackage>(
    `/api/cases/${encodeURIComponent(number)}/review-package`,
    0,
  );
  const zh = lang === 'zh';
  if (error) return <Empty description={error.problem.detail ?? error.problem.title} />;
  if (!data) return null;
  const outcome = data.proposal.outcome;
  const penalties =
    outcome.kind === 'penalty'
      ? outcome.penalties
          .map(
            (p) =>
              `${valueLabel(p.kind, lang)}${'amountFen' in p && p.amountFen ? ` ${yuan(p.amountFen)}` : ''}`,
          )
          .join('；')
      : valueLabel(outcome.kind, lang);
  const why = (list: string[] | null) =>
    list === null
      ? '—'
      : list.length
        ? list.map((r) => valueLabel(r, lang)).join('、')
        : zh
          ? '不需要'
          : 'not required';
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="review-package">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={zh ? '审核轮次' : 'Round'}>{data.round}</Descriptions.Item>
        <Descriptions.Item label={zh ? '调查终结' : 'Concluded'}>
          {data.concludedOn} · {data.officers.join('、')} → {data.reviewerId}
        </Descriptions.Item>
        <Descriptions.Item label={zh ? '调查终结报告' : 'Report'}>{data.report}</Descriptions.Item>
        <Descriptions.Item label={zh ? '违法事实' : 'Facts'}>{data.proposal.facts}</Descriptions.Item>
        <Descriptions.Item label={zh ? '法律依据' : 'Legal basis'}>
          {data.proposal.legalBasis}
        </Descriptions.Item>
        <Descriptions.Item label={zh ? '拟处理意见' : 'Proposed'}>{penalties}</Descriptions.Item>
        {data.proposal.correctiveOrder && (
          <Descriptions.Item label={zh ? '责令改正' : 'Corrective order'}>
            {data.proposal.correctiveOrder}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={zh ? '法制审核' : 'Legal review'}>
          {why(data.legalReview)}
        </Descriptions.Item>
        <Descriptions.Item label={zh ? '集体讨论' : 'Collective discussion'}>
          {why(data.collective)}
        </Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data.evidence}
        columns={[
          { title: zh ? '证据' : 'Evidence', dataIndex: 'description' },
          { title: zh ? '类型' : 'Type', dataIndex: 'type', render: (v: string) => valueLabel(v, lang) },
          {
            title: zh ? '收集' : 'Collected',
            render: (_: unknown, e: ReviewPackage['evidence'][number]) =>
              `${chinaTime(e.collectedAt, lang)} · ${e.place}`,
          },
          {
            title: zh ? '执法人员' : 'Officers',
            render: (_: unknown, e: ReviewPackage['evidence'][number]) => e.collectedBy.join('、'),
          },
        ]}
      />
    </Space>
  );
}

export function CasePage({ number, me }: { number: string; me: Me }) {
  const t = useT();
  const { lang } = useContext(LangContext);
  const { data, error, reload } = usePoll<CaseDetail>(`/api/cases/${encodeURIComponent(number)}`, 5000);
  if (error && !data)
    return (
      <div data-testid="case-error">
        <Result
          status={error.status === 403 ? '403' : '404'}
          title={error.status === 403 ? t('forbidden') : t('notFound')}
          subTitle={error.problem.detail ?? error.problem.title}
        />
      </div>
    );
  if (!data) return <Card loading />;
  const c = data.case;
  const evidence = data.live?.investigation.evidence ?? [];
  const openTasks = data.tasks.filter((x) => x.status === 'open');
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={<span data-testid="case-number">{c.number}</span>}
        extra={
          <Space>
            <Tag color={c.status === 'closed' ? 'default' : 'blue'} data-testid="case-stage">
              {stageName(c.stage, lang)}
            </Tag>
            {c.overdue && <Tag color="red">{t('overdue')}</Tag>}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('respondent')}>{c.respondent.name}</Descriptions.Item>
          {c.respondent.uscc && (
            <Descriptions.Item label="统一社会信用代码">{c.respondent.uscc}</Descriptions.Item>
          )}
          {c.respondent.address && (
            <Descriptions.Item label={lang === 'zh' ? '地址' : 'Address'}>
              {c.respondent.address}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('summary')}>{c.summary}</Descriptions.Item>
          <Descriptions.Item label={lang === 'zh' ? '发现日期' : 'Discovered'}>
            {c.discoveredOn}
          </Descriptions.Item>
          <Descriptions.Item label={t('unit')}>{c.unitId}</Descriptions.Item>
          {data.live && <Descriptions.Item label={t('rulePacks')}>{data.live.rulePack}</Descriptions.Item>}
          {openTasks.length > 0 && (
            <Descriptions.Item label={t('openTasks')}>
              <Space wrap>
                {openTasks.map((x) => (
                  <Tag key={x.id}>
                    {bilingual(x.title, lang)}
                    {x.dueOn ? ` · ${x.dueOn}` : ''}
                  </Tag>
                ))}
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'actions',
              label: t('actions'),
              children: <Actions detail={data} me={me} lang={lang} onDone={() => void reload()} />,
            },
            {
              key: 'deadlines',
              label: t('deadlines'),
              children: <Deadlines clocks={data.deadlines} lang={lang} />,
            },
            {
              key: 'timeline',
              label: t('timeline'),
              children: <AuditTimeline number={c.number} lang={lang} />,
            },
            {
              key: 'evidence',
              label: `${t('evidence')} (${evidence.length})`,
              children: (
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={evidence}
                  columns={[
                    { title: 'ID', dataIndex: 'id' },
                    { title: lang === 'zh' ? '类型' : 'Type', dataIndex: 'type' },
                    { title: lang === 'zh' ? '描述' : 'Description', dataIndex: 'description' },
                    {
                      title: lang === 'zh' ? '收集时间' : 'Collected',
                      dataIndex: 'collectedAt',
                      render: (v: string) => chinaTime(v, lang),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'documents',
              label: t('documents'),
              children: <Documents number={c.number} lang={lang} />,
            },
            // From the hand-over to review on.
            ...(['filing', 'investigation'].includes(c.stage)
              ? []
              : [
                  {
                    key: 'review',
                    label: lang === 'zh' ? '审核材料' : 'Review package',
                    children: <ReviewPackageView number={c.number} lang={lang} />,
                  },
                ]),
          ]}
        />
      </Card>
    </Space>
  );
}

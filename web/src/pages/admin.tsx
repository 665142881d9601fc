// Administration: users (roles, unit, status), units, the holiday calendar (load a year; the open deadlines are
// recomputed and the count of those that moved is shown), rule packs, and the refused commands.
import { Alert, App, Button, Card, Drawer, Input, Progress, Space, Switch, Table, Tabs, Tag } from 'antd';
import { useContext, useState } from 'react';
import { CreateUnitSchema, CreateUserSchema, UpdateUserSchema } from '../../../schema/api.js';
import { CalendarYearFileSchema, type CalendarRecompute } from '../../../schema/calendar.js';
import { RulePackFileSchema } from '../../../schema/rule-pack.js';
import { api, ApiError, type Problem, usePoll } from '../api';
import { LangContext, pick, ROLES, useT } from '../i18n';
import type { Me } from '../shell';
import { ZodForm } from '../zod-form';
import { Link } from '../format';

interface CalendarLoad {
  year: number;
  holidays: number;
  workdays: number;
  recompute: CalendarRecompute;
}
interface Refusal {
  at: string;
  userId: string | null;
  method: string;
  route: string;
  target: string | null;
  status: number;
  code: string;
}
interface User {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  unitId: string;
  active: boolean;
  locked?: boolean;
}

/** A JSON file (calendar year, rule pack) pasted or chosen, checked with its schema, then sent. */
function JsonUpload({
  schema,
  path,
  onDone,
  testId,
}: {
  schema: {
    safeParse: (v: unknown) => {
      success: boolean;
      error?: { issues: { path: PropertyKey[]; message: string }[] };
    };
  };
  path: string;
  onDone: (r: unknown) => void;
  testId: string;
}) {
  const { lang } = useContext(LangContext);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  async function send() {
    setProblem(null);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      setProblem({ code: 'INVALID_JSON', title: String(e), status: 400, errors: [] });
      return;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      setProblem({
        code: 'VALIDATION_FAILED',
        title: lang === 'zh' ? '文件内容有误' : 'The file is not valid',
        status: 400,
        errors: (parsed.error?.issues ?? []).map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
      return;
    }
    setBusy(true);
    try {
      onDone(await api('POST', path, value));
      setText('');
    } catch (e) {
      if (e instanceof ApiError) setProblem(e.problem);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={testId}>
      <input
        type="file"
        accept="application/json,.json"
        onChange={async (e) => setText((await e.target.files?.[0]?.text()) ?? '')}
      />
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 4, maxRows: 14 }}
        placeholder="JSON"
      />
      {problem && (
        <Alert
          type="error"
          role="alert"
          showIcon
          title={`${problem.code}: ${problem.detail ?? problem.title}`}
          description={problem.errors.map((x) => (
            <div key={x.path + x.message}>
              <code>{x.path}</code> {x.message}
            </div>
          ))}
        />
      )}
      <Button type="primary" onClick={send} loading={busy} disabled={!text.trim()}>
        {lang === 'zh' ? '载入' : 'Load'}
      </Button>
    </Space>
  );
}

export function AdminPage({ me }: { me: Me }) {
  const t = useT();
  const { lang } = useContext(LangContext);
  const { message } = App.useApp();
  const users = usePoll<{ items: User[] }>('/api/admin/users', 0);
  const units = usePoll<{ items: { id: string; name: string; parentId: string | null; code: string }[] }>(
    '/api/units',
    0,
  );
  const packs = usePoll<{ items: Record<string, unknown>[] }>('/api/admin/rule-packs', 0);
  const refused = usePoll<{ items: Refusal[] }>('/api/admin/refused-commands?limit=200', 15_000);
  const [editing, setEditing] = useState<User | null>(null);
  const [calendarResult, setCalendarResult] = useState<CalendarLoad | null>(null);
  return (
    <Tabs
      items={[
        {
          key: 'users',
          label: t('users'),
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Card>
                <Table
                  rowKey="id"
                  size="small"
                  dataSource={users.data?.items ?? []}
                  pagination={{ pageSize: 50, hideOnSinglePage: true }}
                  data-testid="users"
                  columns={[
                    { title: 'ID', dataIndex: 'id' },
                    { title: t('username'), dataIndex: 'username' },
                    { title: lang === 'zh' ? '姓名' : 'Name', dataIndex: 'displayName' },
                    {
                      title: lang === 'zh' ? '角色' : 'Roles',
                      dataIndex: 'roles',
                      render: (rs: string[]) => rs.map((r) => <Tag key={r}>{pick(ROLES[r], lang, r)}</Tag>),
                    },
                    { title: t('unit'), dataIndex: 'unitId' },
                    {
                      title: t('status'),
                      render: (_: unknown, u: User) => (
                        <Switch
                          checked={u.active}
                          disabled={u.id === me.id}
                          onChange={async (active) => {
                            try {
                              await api('PATCH', `/api/admin/users/${encodeURIComponent(u.id)}`, { active });
                              void users.reload();
                            } catch (e) {
                              if (e instanceof ApiError)
                                void message.error(e.problem.detail ?? e.problem.title);
                            }
                          }}
                        />
                      ),
                    },
                    {
                      title: '',
                      render: (_: unknown, u: User) => (
                        <Button size="small" onClick={() => setEditing(u)} data-testid={`edit-${u.id}`}>
                          {lang === 'zh' ? '修改' : 'Edit'}
                        </Button>
                      ),
                    },
                  ]}
                />
              </Card>
              <Drawer
                title={editing ? `${editing.displayName} (${editing.id})` : ''}
                open={!!editing}
                onClose={() => setEditing(null)}
                destroyOnHidden
              >
                {editing && (
                  <ZodForm
                    schema={UpdateUserSchema}
                    lang={lang}
                    name="user"
                    testId="form-edit-user"
                    initialValues={{
                      displayName: editing.displayName,
                      roles: editing.roles,
                      unitId: editing.unitId,
                    }}
                    onSubmit={async (body) => {
                      await api('PATCH', `/api/admin/users/${encodeURIComponent(editing.id)}`, body);
                      setEditing(null);
                      void users.reload();
                      void message.success(t('done'));
                    }}
                  />
                )}
              </Drawer>
              <Card title={lang === 'zh' ? '新建用户' : 'New user'}>
                <ZodForm
                  schema={CreateUserSchema}
                  lang={lang}
                  testId="form-user"
                  onSubmit={async (body) => {
                    await api('POST', '/api/admin/users', body);
                    void users.reload();
                    void message.success(t('done'));
                  }}
                />
              </Card>
            </Space>
          ),
        },
        {
          key: 'units',
          label: t('units'),
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={units.data?.items ?? []}
                columns={[
                  { title: 'ID', dataIndex: 'id' },
                  { title: lang === 'zh' ? '名称' : 'Name', dataIndex: 'name' },
                  { title: lang === 'zh' ? '代码' : 'Code', dataIndex: 'code' },
                  { title: lang === 'zh' ? '上级' : 'Parent', dataIndex: 'parentId' },
                ]}
              />
              <Card title={lang === 'zh' ? '新建单位' : 'New unit'}>
                <ZodForm
                  schema={CreateUnitSchema}
                  lang={lang}
                  testId="form-unit"
                  onSubmit={async (body) => {
                    await api('POST', '/api/admin/units', body);
                    void units.reload();
                  }}
                />
              </Card>
            </Space>
          ),
        },
        {
          key: 'calendar',
          label: t('calendar'),
          children: (
            <Card title={t('loadYear')}>
              <JsonUpload
                schema={CalendarYearFileSchema}
                path="/api/admin/calendar/years"
                testId="calendar-upload"
                onDone={(r) => setCalendarResult(r as CalendarLoad)}
              />
              {calendarResult && (
                <Alert
                  style={{ marginTop: 12 }}
                  type="success"
                  data-testid="calendar-result"
                  title={
                    lang === 'zh'
                      ? `${calendarResult.year} 年已载入：节假日 ${calendarResult.holidays} 天、调休上班 ${calendarResult.workdays} 天；未结案件的期限正在后台重算`
                      : `${calendarResult.year} loaded: ${calendarResult.holidays} holidays, ${calendarResult.workdays} working weekend days; open deadlines are being recomputed in the background`
                  }
                />
              )}
              {/* A new load starts a new recomputation: the panel starts over (and polls) with it. */}
              <Recompute key={calendarResult?.recompute.loadId ?? 'latest'} lang={lang} />
            </Card>
          ),
        },
        {
          key: 'rule-packs',
          label: t('rulePacks'),
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Table
                rowKey={(r) => `${String(r.id)}@${String(r.version)}`}
                size="small"
                pagination={false}
                dataSource={packs.data?.items ?? []}
                columns={Object.keys(packs.data?.items[0] ?? {})
                  .filter((k) => k !== 'content')
                  .slice(0, 7)
                  .map((k) => ({
                    title: k,
                    dataIndex: k,
                    render: (v: unknown) => (typeof v === 'object' ? JSON.stringify(v) : String(v)),
                  }))}
              />
              <Card title={lang === 'zh' ? '载入规则包' : 'Load a rule pack'}>
                <JsonUpload
                  schema={RulePackFileSchema}
                  path="/api/admin/rule-packs"
                  testId="rule-pack-upload"
                  onDone={() => {
                    void packs.reload();
                    void message.success(t('done'));
                  }}
                />
              </Card>
            </Space>
          ),
        },
        {
          key: 'refused',
          label: t('refusedCommands'),
          children: (
            <Table<Refusal>
              rowKey={(r) => `${r.at}${r.route}${r.code}`}
              size="small"
              dataSource={refused.data?.items ?? []}
              data-testid="refused"
              columns={[
                { title: lang === 'zh' ? '时间' : 'At', dataIndex: 'at' },
                { title: lang === 'zh' ? '用户' : 'User', dataIndex: 'userId' },
                { title: 'Route', render: (_: unknown, r: Refusal) => `${r.method} ${r.route}` },
                { title: lang === 'zh' ? '对象' : 'Target', dataIndex: 'target' },
                { title: 'HTTP', dataIndex: 'status' },
                { title: 'Code', dataIndex: 'code' },
              ]}
            />
          ),
        },
      ]}
    />
  );
}

/** The latest recomputation of open deadlines after a calendar load: its progress while it runs (polled), then
 * what moved and which matters did not answer. */
function Recompute({ lang }: { lang: 'zh' | 'en' }) {
  const t = useT();
  const [running, setRunning] = useState(true);
  // Polled every 2 s while it runs.
  const r = usePoll<CalendarRecompute>('/api/admin/calendar/recompute', running ? 2000 : 0);
  const p = r.data;
  if (p && running !== (p.status === 'running')) setRunning(p.status === 'running');
  if (!p) return null;
  const zh = lang === 'zh';
  const status = {
    running: zh ? '重算中' : 'recomputing',
    done: zh ? '已完成' : 'done',
    superseded: zh ? '已被新的载入取代' : 'superseded by a later load',
    failed: zh ? '已中止' : 'stopped',
  }[p.status];
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 12 }} data-testid="calendar-recompute">
      <div data-testid="calendar-recompute-status">
        {zh
          ? `${p.year} 年载入（${p.loadedBy}，${new Date(p.startedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}）后的期限重算：${status}；未结案件 ${p.casesDone}/${p.cases} 件已处理，其中 ${p.casesChanged} 件的 ${p.deadlinesChanged} 个期限已调整`
          : `Recomputation after loading ${p.year} (${p.loadedBy}, ${new Date(p.startedAt).toLocaleString('en-GB', { timeZone: 'Asia/Shanghai' })}): ${status}; ${p.casesDone}/${p.cases} open matters handled, ${p.deadlinesChanged} deadlines of ${p.casesChanged} moved`}
      </div>
      <Progress
        percent={p.cases ? Math.floor((100 * p.casesDone) / p.cases) : 100}
        status={p.status === 'running' ? 'active' : p.status === 'done' ? 'success' : 'exception'}
      />
      {p.casesNotRecomputed > 0 && (
        <Alert
          type="warning"
          data-testid="calendar-not-recomputed"
          title={
            zh
              ? `${p.casesNotRecomputed} 件案件暂未重算（流程未响应），请稍后再次载入该年度：${p.notRecomputed.join('、')}`
              : `${p.casesNotRecomputed} matters were not recomputed (their workflow did not answer); load the year again later: ${p.notRecomputed.join(', ')}`
          }
        />
      )}
      {p.moved.length > 0 && (
        <Table
          size="small"
          rowKey={(m) => `${m.caseNumber}/${m.clock}`}
          dataSource={p.moved}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="calendar-moved"
          columns={[
            {
              title: t('caseNumber'),
              dataIndex: 'caseNumber',
              render: (n: string) => <Link to={`/cases/${n}`}>{n}</Link>,
            },
            { title: zh ? '期限' : 'Period', dataIndex: 'clock' },
            { title: zh ? '原届满日' : 'Was due', dataIndex: 'from' },
            { title: zh ? '现届满日' : 'Now due', dataIndex: 'to' },
          ]}
        />
      )}
    </Space>
  );
}

// The frame around every page: the menu of the user's roles, who is signed in, the language switch.
import { Button, Layout, Menu, Result, Space, Tag, Typography } from 'antd';
import { useContext, type ReactNode } from 'react';
import { api } from './api';
import { LangContext, pick, ROLES, useT, type Word } from './i18n';
import { AdminPage } from './pages/admin';
import { BoardPage } from './pages/board';
import { CasePage } from './pages/case';
import { CasesPage } from './pages/cases';
import { ComplaintPage, IntakePage } from './pages/intake';
import { FiguresPage } from './pages/figures';
import { TasksPage } from './pages/tasks';
import { match, navigate, useLocation } from './router';

export interface Me {
  id: string;
  displayName: string;
  roles: string[];
  unitId: string;
}

interface Page {
  path: string;
  word: Word;
  roles: string[] | 'all';
}

const OVERSEERS = ['supervisor', 'agency_head', 'principal_head', 'administrator'];
const PAGES: Page[] = [
  { path: '/tasks', word: 'myTasks', roles: 'all' },
  {
    path: '/cases',
    word: 'cases',
    roles: [
      'case_officer',
      'legal_reviewer',
      'agency_head',
      'principal_head',
      'supervisor',
      'complaint_handler',
    ],
  },
  { path: '/intake', word: 'intake', roles: ['complaint_handler'] },
  { path: '/review', word: 'reviewQueue', roles: ['legal_reviewer'] },
  { path: '/approvals', word: 'approvals', roles: ['agency_head', 'principal_head'] },
  { path: '/board', word: 'board', roles: OVERSEERS },
  { path: '/figures', word: 'figures', roles: OVERSEERS },
  { path: '/admin', word: 'admin', roles: ['administrator'] },
];

const mayOpen = (p: Page, me: Me) => p.roles === 'all' || p.roles.some((r) => me.roles.includes(r));

export function Shell({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const { path } = useLocation();
  const { lang, setLang } = useContext(LangContext);
  const t = useT();
  const pages = PAGES.filter((p) => mayOpen(p, me));
  const current = pages.find((p) => path === p.path || path.startsWith(`${p.path}/`));
  let content: ReactNode;
  let params: Record<string, string> | null;
  if (path === '/' || path === '/login') {
    navigate(pages[0]?.path ?? '/tasks');
    content = null;
  } else if ((params = match('/cases/:number', path))) content = <CasePage number={params.number!} me={me} />;
  else if ((params = match('/complaints/:number', path)))
    content = <ComplaintPage number={params.number!} me={me} />;
  else if (!current) content = <Result status="403" title={t('forbidden')} />;
  else
    content = {
      '/tasks': <TasksPage me={me} />,
      '/cases': <CasesPage mayRegister={me.roles.includes('case_officer')} />,
      '/intake': <IntakePage me={me} />,
      '/review': <CasesPage stage="review" />,
      '/approvals': <TasksPage me={me} approvals />,
      '/board': <BoardPage />,
      '/figures': <FiguresPage />,
      '/admin': <AdminPage me={me} />,
    }[current.path];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={200}>
        <div style={{ padding: '16px 16px 8px', fontWeight: 700, fontSize: 18, color: '#b71c1c' }}>
          铁案 Tie'an
        </div>
        <Menu
          mode="inline"
          selectedKeys={current ? [current.path] : []}
          items={pages.map((p) => ({
            key: p.path,
            label: (
              <a
                href={p.path}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(p.path);
                }}
              >
                {t(p.word)}
              </a>
            ),
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            padding: '0 16px',
            borderBottom: '1px solid #eee',
          }}
        >
          <Typography.Text strong>{t('appName')}</Typography.Text>
          <Space wrap>
            <span data-testid="me">{me.displayName}</span>
            {me.roles.map((r) => (
              <Tag key={r}>{pick(ROLES[r], lang, r)}</Tag>
            ))}
            <Tag color="default">{me.unitId}</Tag>
            <Button size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
              {t('language')}
            </Button>
            <Button
              size="small"
              onClick={async () => {
                await api('DELETE', '/api/session').catch(() => undefined);
                onSignedOut();
              }}
            >
              {t('signOut')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 16, maxWidth: 1400 }}>{content}</Layout.Content>
      </Layout>
    </Layout>
  );
}

import { Alert, Button, Card, Form, Input } from 'antd';
import { useContext, useState } from 'react';
import { LoginSchema } from '../../../schema/api.js';
import { api, ApiError, type Problem } from '../api';
import { LangContext, useT } from '../i18n';
import type { Me } from '../shell';

export function LoginPage({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const t = useT();
  const { lang, setLang } = useContext(LangContext);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(values: unknown) {
    const parsed = LoginSchema.safeParse(values);
    if (!parsed.success) return;
    setBusy(true);
    setProblem(null);
    try {
      const s = await api<{ user: Me }>('POST', '/api/session', parsed.data);
      onSignedIn(s.user);
    } catch (e) {
      if (e instanceof ApiError) setProblem(e.problem);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div
      style={{
        display: 'flex',
        justifyContent: 'center',
        paddingTop: '12vh',
        background: '#f5f5f5',
        minHeight: '100vh',
      }}
    >
      <Card
        title={t('appName')}
        style={{ width: 380, height: 'fit-content' }}
        extra={
          <Button size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t('language')}
          </Button>
        }
      >
        <Form layout="vertical" onFinish={submit}>
          <Form.Item label={t('username')} name="username" rules={[{ required: true }]}>
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item label={t('password')} name="password" rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {problem && (
            <Alert
              type="error"
              role="alert"
              showIcon
              style={{ marginBottom: 12 }}
              title={problem.detail ?? problem.title}
            />
          )}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('signIn')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

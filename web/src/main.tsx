// The workbench: sign-in, then the pages of the user's roles in a side menu. Chinese by default, English on the
// switch (remembered in this browser).
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { get, setApiLanguage, whenSignedOut } from './api';
import { LangContext, type Lang } from './i18n';
import { Shell, type Me } from './shell';
import { LoginPage } from './pages/login';
import { navigate } from './router';

// The content security policy allows no eval: zod validates without compiling code.
z.config({ jitless: true });

function Root() {
  const [lang, setLangState] = useState<Lang>(() =>
    localStorage.getItem('tiean.lang') === 'en' ? 'en' : 'zh',
  );
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const setLang = (l: Lang) => {
    localStorage.setItem('tiean.lang', l);
    setLangState(l);
  };
  setApiLanguage(lang);
  useEffect(() => {
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  useEffect(() => {
    whenSignedOut(() => setMe(null));
    get<Me>('/api/me').then(setMe, () => setMe(null));
  }, []);
  return (
    <LangContext.Provider value={{ lang, setLang }}>
      <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#b71c1c' } }}>
        <AntApp>
          {me === undefined ? null : me === null ? (
            <LoginPage
              onSignedIn={(u) => {
                setMe(u);
                if (location.pathname === '/login') navigate('/');
              }}
            />
          ) : (
            <Shell me={me} onSignedOut={() => setMe(null)} />
          )}
        </AntApp>
      </ConfigProvider>
    </LangContext.Provider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);

// The steps a user may take on a matter, one form each in an accordion: sent as a command with its idempotency
// key, the page refreshed when it has been applied. Case and complaint pages use it alike.
import { App, Collapse, Select } from 'antd';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { api, usePoll } from './api';
import { useT, type Lang } from './i18n';
import { ZodForm } from './zod-form';

export interface Action {
  /** The command's path under the matter's URL (also its forms' id prefix and test ids). */
  path: string;
  label: ReactNode;
  body: z.ZodType;
}

export function ActionForms(props: { base: string; actions: Action[]; lang: Lang; onDone: () => void }) {
  const { base, actions, lang, onDone } = props;
  const t = useT();
  const { message } = App.useApp();
  return (
    <Collapse
      accordion
      data-testid="actions"
      items={actions.map((a) => ({
        key: a.path,
        label: <span data-testid={`action-${a.path}`}>{a.label}</span>,
        children: (
          <ZodForm
            schema={a.body}
            lang={lang}
            testId={`form-${a.path}`}
            name={a.path.replace(/\//g, '-')}
            onSubmit={async (body, key) => {
              await api('POST', `${base}/${a.path}`, body, { 'idempotency-key': key });
              void message.success(t('done'));
              onDone();
            }}
          />
        ),
      }))}
    />
  );
}

/** One of the caller's units (the API lists those the caller may see), or all of them. */
export function UnitSelect({ value, onChange }: { value?: string; onChange: (unitId?: string) => void }) {
  const t = useT();
  const units = usePoll<{ items: { id: string; name: string }[] }>('/api/units', 0).data?.items ?? [];
  return (
    <Select
      allowClear
      placeholder={t('unit')}
      style={{ width: 200 }}
      value={value}
      onChange={onChange}
      options={units.map((u) => ({ value: u.id, label: `${u.name} (${u.id})` }))}
    />
  );
}

// A form for a zod schema: fields drawn from its JSON Schema (text, numbers, dates, choices, switches, nested
// objects, lists), validated with the schema itself before anything is sent, and the server's refusal shown where
// it belongs: field errors on their fields, the rest (the code and its reason) above the button.
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { z } from 'zod';
import { ApiError, newIdempotencyKey, type Problem } from './api';
import { FIELD_LABELS, pick, useT, valueLabel, type Lang } from './i18n';

type Json = {
  type?: string | string[];
  properties?: Record<string, Json>;
  required?: string[];
  items?: Json;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Json[];
  oneOf?: Json[];
  format?: string;
  pattern?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  description?: string;
  default?: unknown;
};

type Path = (string | number)[];

const DATE = /^\^?\\d\{4\}-\\d\{2\}-\\d\{2\}\$?$/;
const isDate = (s: Json) => s.format === 'date' || (!!s.pattern && DATE.test(s.pattern));
const isDateTime = (s: Json) => s.format === 'date-time';
/** An instant as China's wall time without an offset ("2026-12-03T10:00:00"), for a picker in any time zone. */
const chinaWallTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19);
const typeOf = (s: Json) => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);
const variants = (s: Json) => s.anyOf ?? s.oneOf;

function label(key: string, lang: Lang): string {
  return pick(FIELD_LABELS[key], lang, key);
}

/** The property whose constant tells the variants of a union apart (e.g. `decision: 'file' | 'decline'`). */
function discriminator(options: Json[]): string | null {
  const first = options[0]?.properties;
  if (!first) return null;
  for (const key of Object.keys(first)) {
    if (options.every((o) => o.properties?.[key]?.const !== undefined)) return key;
  }
  return null;
}

function Field({ name, abs, schema, lang, required, keyName }: FieldProps): ReactNode {
  const t = typeOf(schema);
  const text = label(keyName, lang);
  const rules = required
    ? [{ required: true, message: `${text}：${lang === 'zh' ? '必填' : 'required'}` }]
    : [];
  const options = variants(schema);
  if (options) {
    const nonNull = options.filter((o) => typeOf(o) !== 'null');
    if (nonNull.length === 1)
      return <Field {...{ name, abs, lang, required, keyName }} schema={nonNull[0]!} />;
    if (nonNull.every((o) => o.const !== undefined))
      return (
        <Form.Item label={text} name={name} rules={rules}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={nonNull.map((o) => ({
              value: o.const as string,
              label: valueLabel(o.const, lang, keyName),
            }))}
          />
        </Form.Item>
      );
    const d = discriminator(nonNull);
    if (d)
      return (
        <Union name={name} abs={abs} options={nonNull} discriminator={d} lang={lang} keyName={keyName} />
      );
    return <JsonField name={name} text={text} rules={rules} />;
  }
  if (schema.const !== undefined) return null;
  if (schema.enum)
    return (
      <Form.Item label={text} name={name} rules={rules}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={schema.enum.map((v) => ({ value: v as string, label: valueLabel(v, lang, keyName) }))}
        />
      </Form.Item>
    );
  if (t === 'object' && schema.properties)
    return required ? (
      <Card size="small" title={text} style={{ marginBottom: 12 }}>
        <Fields name={name} abs={abs} schema={schema} lang={lang} />
      </Card>
    ) : (
      <OptionalObject {...{ name, abs, schema, lang, text }} />
    );
  if (t === 'array' && schema.items) {
    const it = schema.items;
    if (typeOf(it) === 'string' || typeOf(it) === 'number' || it.enum)
      return (
        <Form.Item label={text} name={name} rules={rules} initialValue={[]}>
          <Select
            mode={it.enum ? 'multiple' : 'tags'}
            showSearch={{ optionFilterProp: 'label' }}
            tokenSeparators={[',', '，', ' ']}
            options={(it.enum ?? []).map((v) => ({
              value: v as string,
              label: valueLabel(v, lang, keyName),
            }))}
          />
        </Form.Item>
      );
    if ((typeOf(it) === 'object' && it.properties) || variants(it))
      return (
        <Form.List name={name} initialValue={[]}>
          {(items, { add, remove }) => (
            <Card size="small" title={text} style={{ marginBottom: 12 }}>
              {items.map((item) => (
                <Card
                  key={item.key}
                  size="small"
                  style={{ marginBottom: 8 }}
                  extra={
                    <Button size="small" onClick={() => remove(item.name)}>
                      −
                    </Button>
                  }
                >
                  {it.properties ? (
                    <Fields name={[item.name]} abs={[...abs, item.name]} schema={it} lang={lang} />
                  ) : (
                    <Field
                      name={[item.name]}
                      abs={[...abs, item.name]}
                      schema={it}
                      lang={lang}
                      required
                      keyName={keyName}
                    />
                  )}
                </Card>
              ))}
              <Button onClick={() => add({})} data-testid={`add-${abs.join('.')}`}>
                + {text}
              </Button>
            </Card>
          )}
        </Form.List>
      );
    return <JsonField name={name} text={text} rules={rules} />;
  }
  // A yes/no the schema requires is a switch (off is "no"); an optional one may also be left out (an update that
  // leaves it as it is), so it is a choice that can be cleared.
  if (t === 'boolean')
    return required ? (
      <Form.Item label={text} name={name} valuePropName="checked" initialValue={false}>
        <Switch />
      </Form.Item>
    ) : (
      <Form.Item label={text} name={name}>
        <Select
          allowClear
          options={[true, false].map((v) => ({ value: v, label: valueLabel(v, lang, keyName) }))}
        />
      </Form.Item>
    );
  if (t === 'number' || t === 'integer')
    return (
      <Form.Item label={text} name={name} rules={rules}>
        <InputNumber style={{ width: '100%' }} min={schema.minimum} max={schema.maximum} />
      </Form.Item>
    );
  if (t === 'string' && (isDate(schema) || isDateTime(schema))) {
    const withTime = isDateTime(schema);
    return (
      <Form.Item
        label={text}
        name={name}
        rules={rules}
        // A time is China's wall time (UTC+8), as the bureau reads it, whatever the browser's time zone.
        getValueProps={(v: string | undefined) => ({
          value: v ? dayjs(withTime ? chinaWallTime(v) : v) : null,
        })}
        normalize={(d: dayjs.Dayjs | null) =>
          d ? (withTime ? `${d.format('YYYY-MM-DDTHH:mm:ss')}+08:00` : d.format('YYYY-MM-DD')) : undefined
        }
      >
        <DatePicker showTime={withTime} needConfirm={false} style={{ width: '100%' }} />
      </Form.Item>
    );
  }
  if (t === 'string')
    return (
      <Form.Item label={text} name={name} rules={rules}>
        {(schema.maxLength ?? 10_000) > 200 ? (
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={schema.maxLength} />
        ) : (
          <Input maxLength={schema.maxLength} />
        )}
      </Form.Item>
    );
  return <JsonField name={name} text={text} rules={rules} />;
}

interface FieldProps {
  /** Relative to the enclosing list (what antd's Form.Item takes). */
  name: Path;
  /** From the form's root. */
  abs: Path;
  schema: Json;
  lang: Lang;
  required: boolean;
  keyName: string;
}

/** An optional group of fields (e.g. an exemption): left out unless the user opens it. */
function OptionalObject({
  name,
  abs,
  schema,
  lang,
  text,
}: {
  name: Path;
  abs: Path;
  schema: Json;
  lang: Lang;
  text: string;
}) {
  const [on, setOn] = useState(false);
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Space>
          <Switch size="small" checked={on} onChange={setOn} data-testid={`include-${abs.join('.')}`} />
          {text}
        </Space>
      }
    >
      {on && <Fields name={name} abs={abs} schema={schema} lang={lang} />}
    </Card>
  );
}

/** A value the form cannot draw (an unusual union): typed as JSON. */
function JsonField({ name, text, rules }: { name: Path; text: string; rules: object[] }) {
  return (
    <Form.Item
      label={`${text} (JSON)`}
      name={name}
      rules={rules}
      getValueProps={(v: unknown) => ({ value: v === undefined ? '' : JSON.stringify(v) })}
      normalize={(s: string) => {
        try {
          return s ? (JSON.parse(s) as unknown) : undefined;
        } catch {
          return s;
        }
      }}
    >
      <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
    </Form.Item>
  );
}

function Union(props: {
  name: Path;
  abs: Path;
  options: Json[];
  discriminator: string;
  lang: Lang;
  keyName: string;
}) {
  const { name, abs, options, discriminator: d, lang, keyName } = props;
  return (
    <Card size="small" title={label(keyName, lang)} style={{ marginBottom: 12 }}>
      <Form.Item label={label(d, lang)} name={[...name, d]} rules={[{ required: true }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={options.map((o) => ({
            value: o.properties![d]!.const as string,
            label: valueLabel(o.properties![d]!.const, lang, d),
          }))}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {(form: FormInstance) => {
          const chosen = form.getFieldValue([...abs, d]) as unknown;
          const option = options.find((o) => o.properties![d]!.const === chosen);
          return option ? <Fields name={name} abs={abs} schema={option} lang={lang} skip={d} /> : null;
        }}
      </Form.Item>
    </Card>
  );
}

function Fields({
  name,
  abs,
  schema,
  lang,
  skip,
}: {
  name: Path;
  abs: Path;
  schema: Json;
  lang: Lang;
  skip?: string;
}) {
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).filter(([k]) => k !== skip);
  // A union at the top (the body is one of several shapes): choose, then fill in.
  return (
    <>
      {fields.map(([key, s]) => (
        <Field
          key={key}
          name={[...name, key]}
          abs={[...abs, key]}
          schema={s}
          lang={lang}
          required={required.has(key)}
          keyName={key}
        />
      ))}
    </>
  );
}

/** Removes what the user left empty, so the schema sees an absent optional field, not "" or null. */
function prune(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(prune);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const p = prune(x);
      if (p !== undefined && p !== null && p !== '') out[k] = p;
    }
    return out;
  }
  return v;
}

/** `body.officers.0` or zod's ['officers', 0] → the form's field name. */
function fieldName(path: string | Path): Path {
  const parts = typeof path === 'string' ? path.split('.') : path;
  const rest = parts[0] === 'body' ? parts.slice(1) : parts;
  return rest.map((p) => (typeof p === 'string' && /^\d+$/.test(p) ? Number(p) : p));
}

export interface ZodFormProps {
  schema: z.ZodType;
  lang: Lang;
  submitText?: string;
  /** Sends the validated body (with an idempotency key kept across retries of the same submission). */
  onSubmit: (body: unknown, idempotencyKey: string) => Promise<void>;
  testId?: string;
  /** Prefixes the fields' ids (several forms on a page). */
  name?: string;
  /** Values the form opens with (an edit form shows what is there). */
  initialValues?: Record<string, unknown>;
}

export function ZodForm({ schema, lang, submitText, onSubmit, testId, name, initialValues }: ZodFormProps) {
  const [form] = Form.useForm();
  const t = useT();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  const top = variants(json);
  const d = top ? discriminator(top) : null;

  async function finish(values: unknown) {
    setProblem(null);
    const body = prune(values);
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const fields = new Map<string, { name: Path; errors: string[] }>();
      const general: string[] = [];
      for (const issue of parsed.error.issues) {
        const name = fieldName(issue.path as Path);
        if (!name.length) general.push(issue.message);
        else {
          const k = name.join('.');
          fields.set(k, { name, errors: [...(fields.get(k)?.errors ?? []), issue.message] });
        }
      }
      form.setFields([...fields.values()]);
      if (general.length || !fields.size)
        setProblem({ code: 'VALIDATION_FAILED', title: general.join('；'), status: 400, errors: [] });
      return;
    }
    setBusy(true);
    try {
      await onSubmit(parsed.data, key);
      form.resetFields();
      setKey(newIdempotencyKey());
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setProblem(e.problem);
      const known = new Set(form.getFieldsError().map((f) => f.name.join('.')));
      const onFields = e.problem.errors.filter((x) => known.has(fieldName(x.path).join('.')));
      form.setFields(onFields.map((x) => ({ name: fieldName(x.path), errors: [x.message] })));
      // A refusal is final for this content: a changed submission is a new command.
      if (e.status < 500) setKey(newIdempotencyKey());
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form
      form={form}
      name={name}
      layout="vertical"
      onFinish={finish}
      data-testid={testId}
      size="middle"
      initialValues={initialValues}
    >
      {top && d ? (
        <Union name={[]} abs={[]} options={top} discriminator={d} lang={lang} keyName={d} />
      ) : (
        <Fields name={[]} abs={[]} schema={json} lang={lang} />
      )}
      {problem && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          role="alert"
          title={`${t('refused')} · ${problem.code}`}
          description={
            <div>
              <div>{problem.detail ?? problem.title}</div>
              {problem.errors.map((x) => (
                <div key={x.path + x.message}>
                  <code>{x.path}</code> {x.message}
                </div>
              ))}
            </div>
          }
        />
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {submitText ?? t('submit')}
        </Button>
      </Space>
    </Form>
  );
}

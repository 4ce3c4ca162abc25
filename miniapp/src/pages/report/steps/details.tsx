import { Input, Text, Textarea, View } from '@tarojs/components';
import type { ItemQuestion } from '@gridtong/shared/schemas/catalog';
import { a11y } from '../../../components/a11y';
import type { Answer } from '../../../services/draft-store';
import { T } from '../../../texts';
import type { StepProps } from './types';

function Option({ label, chosen, multi, onClick }: { label: string; chosen: boolean; multi?: boolean; onClick: () => void }) {
  return (
    <View className={`option tap${chosen ? ' option-chosen' : ''}`} {...a11y(multi ? 'checkbox' : 'radio', label)} aria-checked={chosen} onClick={onClick}>
      <Text>{`${chosen ? (multi ? '☑ ' : '◉ ') : multi ? '☐ ' : '○ '}${label}`}</Text>
    </View>
  );
}

/** One catalog question, rendered from its schema (Open311-style attribute). */
function Question({ q, value, set }: { q: ItemQuestion; value: Answer | undefined; set: (a: Answer | undefined) => void }) {
  const label = q.required ? `${q.label}（${T.report.required}）` : q.label;
  const body = (() => {
    switch (q.type) {
      case 'boolean':
        return (
          <View className='options options-row' {...a11y('radiogroup', q.label)}>
            <Option label={T.report.yes} chosen={value === true} onClick={() => set(true)} />
            <Option label={T.report.no} chosen={value === false} onClick={() => set(false)} />
          </View>
        );
      case 'singleChoice':
        return (
          <View className='options' {...a11y('radiogroup', q.label)}>
            {(q.options ?? []).map((o) => (
              <Option key={o.value} label={o.label} chosen={value === o.value} onClick={() => set(o.value)} />
            ))}
          </View>
        );
      case 'multiChoice': {
        const chosen = Array.isArray(value) ? value : [];
        return (
          <View className='options' {...a11y('group', q.label)}>
            {(q.options ?? []).map((o) => (
              <Option
                key={o.value}
                multi
                label={o.label}
                chosen={chosen.includes(o.value)}
                onClick={() => set(chosen.includes(o.value) ? chosen.filter((v) => v !== o.value) : [...chosen, o.value])}
              />
            ))}
          </View>
        );
      }
      case 'number':
        return (
          <Input
            className='text-input'
            type='digit'
            value={value === undefined ? '' : String(value)}
            ariaLabel={q.label}
            onInput={(e) => set(e.detail.value === '' ? undefined : e.detail.value)}
          />
        );
      default:
        return (
          <Input className='text-input' value={typeof value === 'string' ? value : ''} maxlength={500} ariaLabel={q.label} onInput={(e) => set(e.detail.value)} />
        );
    }
  })();
  return (
    <View className='question' {...a11y('group', q.label)}>
      <Text className='field-label'>{label}</Text>
      {q.hint ? <Text className='hint'>{q.hint}</Text> : null}
      {body}
    </View>
  );
}

/** 问题描述 and the item's extra questions. */
export function DetailsStep({ item, draft, change }: StepProps) {
  const setAnswer = (code: string) => (a: Answer | undefined) =>
    change((d) => {
      const answers = { ...d.answers };
      if (a === undefined) delete answers[code];
      else answers[code] = a;
      return { ...d, answers };
    });

  return (
    <View>
      {item.questions.map((q) => (
        <Question key={q.code} q={q} value={draft.answers[q.code]} set={setAnswer(q.code)} />
      ))}
      <Text className='field-label'>{item.descriptionRequired ? `${T.report.descriptionLabel}（${T.report.required}）` : T.report.descriptionLabel}</Text>
      <Textarea
        className='text-area'
        value={draft.description}
        placeholder={item.descriptionRequired ? T.report.descriptionRequiredPlaceholder : T.report.descriptionPlaceholder}
        maxlength={1000}
        ariaLabel={T.report.descriptionLabel}
        onInput={(e) => {
          const description = e.detail.value;
          change((d) => ({ ...d, description }));
        }}
      />
    </View>
  );
}

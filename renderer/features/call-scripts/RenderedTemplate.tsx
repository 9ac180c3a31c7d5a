import { Fragment } from 'react';
import { renderTemplate, type ScriptValues } from '../../../common/call-scripts/template';
import { useT } from '../../i18n/translate';
import { variableLabelKey } from './scriptPreview';

/**
 * A call-script template rendered with `values`: each filled variable in a highlighted span
 * (`script-variable`), each missing one as a visible placeholder such as 【客户称呼】
 * (`script-missing`), never "undefined". Standalone: everything comes from the props.
 */
export function RenderedTemplate({ template, values }: { template: string; values: ScriptValues }) {
  const translate = useT();
  return (
    <>
      {renderTemplate(template, values).map((part, index) =>
        part.kind === 'text' ? (
          <Fragment key={index}>{part.text}</Fragment>
        ) : part.kind === 'variable' ? (
          <span key={index} className="script-variable" data-variable={part.name}>
            {part.value}
          </span>
        ) : (
          <span key={index} className="script-missing" data-variable={part.name}>
            【{translate(variableLabelKey(part.name))}】
          </span>
        ),
      )}
    </>
  );
}

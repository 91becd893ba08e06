import { useTranslation } from 'react-i18next';

interface Props {
  /** Whether the question shows; the page keeps one row asking at a time. */
  asking: boolean;
  onAsk: () => void;
  onCancel: () => void;
  onConfirm: () => void;
  /** The button's text, and its accessible name naming what it removes. */
  label: string;
  labelNamed: string;
  question: string;
  confirmLabel: string;
}

/** A remove button in a table row that asks "are you sure?" in place before acting. */
export function ConfirmRemove(props: Props) {
  const { t } = useTranslation();
  if (!props.asking) {
    return (
      <button
        type="button"
        className="button button--danger"
        aria-label={props.labelNamed}
        onClick={props.onAsk}
      >
        {props.label}
      </button>
    );
  }
  return (
    <span className="confirm">
      <span>{props.question}</span>
      <button type="button" className="button button--danger" onClick={props.onConfirm}>
        {props.confirmLabel}
      </button>
      <button type="button" className="button button--secondary" onClick={props.onCancel}>
        {t('common.cancel')}
      </button>
    </span>
  );
}

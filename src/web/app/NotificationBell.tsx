import './notification-bell.css';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationList } from '../../shared/api/notify.schema.ts';
import { notificationsApi, type Notification } from '../api/notify-api.ts';
import { errorMessage } from '../lib/error-message.ts';
import { formatDateTime } from '../lib/format.ts';
import { Link } from '../router/Link.tsx';
import { useLocation } from '../router/history.ts';
import { badgeCount, notificationHref, POLL_MS } from './notification-links.ts';

/**
 * The header's notifications: the unread count on a button that opens the latest events, each
 * a link to its referral; polled every minute while the page is visible (and on return to it).
 */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const { href } = useLocation();
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  // Open on the page where it was opened: moving to another page closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === href;
  const setOpen = (value: boolean) => setOpenOn(value ? href : null);
  const [list, setList] = useState<NotificationList | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      setList(await notificationsApi.list({ limit: 20 }));
      setFailure(null);
    } catch (e) {
      setFailure(e);
    }
  }, []);

  useEffect(() => {
    // setState only in the promise's callbacks: the effect itself only starts the request.
    const fetchNow = () =>
      notificationsApi.list({ limit: 20 }).then(
        (l) => {
          setList(l);
          setFailure(null);
        },
        (e: unknown) => setFailure(e),
      );
    void fetchNow();
    const tick = () => {
      if (document.visibilityState === 'visible') void fetchNow();
    };
    const timer = window.setInterval(tick, POLL_MS);
    document.addEventListener('visibilitychange', tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, []);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const markRead = async (n: Notification) => {
    if (n.readAt !== null) return;
    setList(
      (l) =>
        l && {
          ...l,
          unread: Math.max(0, l.unread - 1),
          items: l.items.map((x) =>
            x.id === n.id ? { ...x, readAt: new Date().toISOString() } : x,
          ),
        },
    );
    try {
      await notificationsApi.markRead(n.id);
    } catch (e) {
      setFailure(e);
      void load();
    }
  };
  const markAll = async () => {
    try {
      await notificationsApi.markAllRead();
    } catch (e) {
      setFailure(e);
    }
    void load();
  };

  const unread = list?.unread ?? 0;
  const text = (n: Notification) =>
    t(`notifications.event.${n.type}.${n.side}`, { reference: n.subject.reference });

  return (
    <div
      className="bell"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) close();
      }}
    >
      <button
        ref={button}
        type="button"
        className="button button--quiet bell__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          if (!open) void load();
          setOpen(!open);
        }}
      >
        <span>{t('notifications.button')}</span>
        {unread > 0 && (
          <span className="bell__count">
            <span aria-hidden="true">{badgeCount(unread)}</span>
            <span className="visually-hidden">{t('notifications.unread', { count: unread })}</span>
          </span>
        )}
      </button>
      <div id={panelId} className="bell__panel" hidden={!open}>
        <div className="bell__head">
          <h2 className="bell__title">{t('notifications.title')}</h2>
          {unread > 0 && (
            <button
              type="button"
              className="button button--secondary bell__all"
              onClick={() => void markAll()}
            >
              {t('notifications.markAll')}
            </button>
          )}
        </div>
        {failure !== null && <p className="alert">{errorMessage(t, failure)}</p>}
        {list === null && failure === null && <p>{t('common.loading')}</p>}
        {list !== null && list.items.length === 0 && <p>{t('notifications.none')}</p>}
        {list !== null && list.items.length > 0 && (
          <ul className="bell__list">
            {list.items.map((n) => {
              const to = notificationHref(n);
              const isUnread = n.readAt === null;
              return (
                <li
                  key={n.id}
                  className={isUnread ? 'bell__item bell__item--unread' : 'bell__item'}
                >
                  {isUnread && <span className="bell__new">{t('notifications.new')}</span>}
                  {to ? (
                    <Link to={to} onClick={() => void markRead(n)}>
                      {text(n)}
                    </Link>
                  ) : (
                    <span>{text(n)}</span>
                  )}
                  <span className="bell__when">{formatDateTime(n.occurredAt, i18n.language)}</span>
                  {isUnread && (
                    <button
                      type="button"
                      className="bell__read"
                      onClick={() => void markRead(n)}
                      aria-label={t('notifications.markReadNamed', { what: text(n) })}
                    >
                      {t('notifications.markRead')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}

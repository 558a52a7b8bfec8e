import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Per-installation settings shared by every app server (e.g. the generated session-signing secret). */
export const instanceSettings = pgTable('instance_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

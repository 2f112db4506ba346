import type { TestProject } from 'vitest/node';
import { createPgliteTemplate, createPostgresTemplate } from './test-database-template.js';

/**
 * Migrates one template database per run of an API project; openTestDatabase gives each test
 * a copy of it (a copied PGlite folder, or `create database … template` on PostgreSQL).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (project.config.env.TEST_DB === 'postgres') {
    const adminUrl = process.env.DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DB=postgres needs DATABASE_URL');
    const template = await createPostgresTemplate(adminUrl);
    project.provide('postgresTemplate', template.name);
    return template.drop;
  }
  const template = await createPgliteTemplate();
  project.provide('pgliteTemplate', template.dataDir);
  return template.remove;
}

// Stand-in for `lightning/uiRelatedListApi`: getRelatedListRecords reads
// `GET /ui-api/related-list-records/{parentRecordId}/{relatedListId}`.
// https://developer.salesforce.com/docs/platform/lwc/guide/reference-get-related-list-records.html
import { uiApi } from './session.js';
import { LdsAdapter, fieldList, query, ready, type Config } from './wire.js';

export class getRelatedListRecords extends LdsAdapter {
  protected read(config: Config) {
    if (!ready(config, ['parentRecordId', 'relatedListId'])) return undefined;
    const path =
      `ui-api/related-list-records/${encodeURIComponent(String(config.parentRecordId))}/` +
      encodeURIComponent(String(config.relatedListId)) +
      query({
        fields: fieldList(config.fields).join(','),
        optionalFields: fieldList(config.optionalFields).join(','),
        pageSize: config.pageSize as number | undefined,
        sortBy: config.sortBy ? fieldList(config.sortBy).join(',') : undefined,
        where: config.where as string | undefined,
      });
    return () => uiApi(path);
  }
}

import type { ReactNode, ThHTMLAttributes } from 'react';

type DataAttributes = Record<`data-${string}`, string | undefined>;

export type Column<R> = {
  key: string;
  header: ReactNode;
  cell: (row: R) => ReactNode;
  /** The column that names the row: a <th scope="row">. */
  rowHeader?: boolean;
  headerProps?: ThHTMLAttributes<HTMLTableCellElement>;
  cellProps?: (row: R) => DataAttributes & { className?: string };
};

type Props<R> = {
  caption: string;
  columns: Column<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  rowProps?: (row: R) => DataAttributes;
  /** `data-table--stack`: one card per row on a phone, each cell led by its column's name; `admin-table`: wide, one line per cell. */
  variant?: 'stack' | 'wide';
  testId?: string;
};

/**
 * The one data table: a caption for screen readers, column headers, a row
 * header, and sideways scrolling inside its own box when wider than the page.
 */
export function DataTable<R>({ caption, columns, rows, rowKey, rowProps, variant, testId }: Props<R>) {
  const className = ['data-table', variant === 'stack' && 'data-table--stack', variant === 'wide' && 'admin-table'].filter(Boolean).join(' ');
  return (
    <div className="table-scroll" data-testid={testId && `${testId}-scroll`}>
      <table className={className} data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" {...column.headerProps}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowProps?.(row)}>
              {columns.map((column) =>
                column.rowHeader ? (
                  <th key={column.key} scope="row" {...column.cellProps?.(row)}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} data-label={variant === 'stack' && typeof column.header === 'string' ? column.header : undefined} {...column.cellProps?.(row)}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';

export class ContentError extends Error {
  constructor(file: string, field: string, problem: string) {
    super(`${file}: ${field}: ${problem}`);
    this.name = 'ContentError';
  }
}

export type ParsedMdx = {
  frontmatter: unknown;
  /** Top-level JSX elements in order, with their attributes and content. */
  elements: {
    name: string;
    attributes: Record<string, string>;
    /** Plain text of each block inside (a paragraph, a block), and of each list item. */
    paragraphs: string[];
    items: string[];
    /** All the words inside, without markup. */
    text: string;
    /** Each block inside as the file writes it (markdown): what an editor's correction is made over. */
    markdown: string[];
    line: number;
  }[];
  prose: string[];
};

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']);

// Blocks inside a block (paragraphs in an <Example>, items of a list) are words apart.
const blockContainers = new Set(['root', 'mdxJsxFlowElement', 'list', 'listItem', 'blockquote']);

/** The words of a node, without markup (emphasis, links, blocks): what captions, search and the narration read. */
function plainText(node: RootContent | Root): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'yaml') return node.value;
  if (node.type === 'image') return '';
  if ('children' in node) return (node.children as RootContent[]).map(plainText).join(blockContainers.has(node.type) ? ' ' : '');
  return '';
}

const collapse = (value: string) => value.replace(/\s+/g, ' ').trim();

/** The syntax tree of a content file (mdast with MDX nodes); a syntax error names the file and line. */
export function parseTree(source: string, file: string): Root {
  try {
    return processor.parse(source);
  } catch (error) {
    throw new ContentError(file, 'mdx', (error as Error).message);
  }
}

/** Parses a content file: YAML frontmatter, JSX blocks (`<Paragraph>`, `<Summary>`…) and plain prose. */
export function parseMdx(source: string, file: string): ParsedMdx {
  const tree = parseTree(source, file);
  const result: ParsedMdx = { frontmatter: undefined, elements: [], prose: [] };
  for (const node of tree.children) {
    if (node.type === 'yaml') {
      try {
        result.frontmatter = parseYaml(node.value);
      } catch (error) {
        throw new ContentError(file, 'frontmatter', (error as Error).message);
      }
    } else if (node.type === 'mdxJsxFlowElement' && node.name) {
      const attributes: Record<string, string> = {};
      for (const attribute of node.attributes) {
        if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') {
          throw new ContentError(file, `<${node.name}>`, 'attributes must be plain strings');
        }
        attributes[attribute.name] = attribute.value;
      }
      const paragraphs: string[] = [];
      const items: string[] = [];
      for (const child of node.children) {
        if (child.type === 'list') items.push(...child.children.map((item) => collapse(plainText(item))));
        else paragraphs.push(collapse(plainText(child)));
      }
      result.elements.push({
        name: node.name,
        attributes,
        paragraphs: paragraphs.filter(Boolean),
        items: items.filter(Boolean),
        text: collapse(plainText(node)),
        markdown: node.children.map((child) => collapse(source.slice(child.position?.start.offset, child.position?.end.offset))).filter(Boolean),
        line: node.position?.start.line ?? 0,
      });
    } else if (node.type === 'paragraph') {
      result.prose.push(collapse(plainText(node)));
    } else {
      throw new ContentError(file, `line ${node.position?.start.line ?? '?'}`, `unexpected ${node.type}`);
    }
  }
  return result;
}

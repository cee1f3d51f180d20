import * as vscode from 'vscode';
import { type OutlineKind, type OutlineNode } from '../../core/rubric/ladderImport/outline';

const ICON: Record<OutlineKind, string> = {
  rubric: 'book',
  levels: 'list-ordered',
  level: 'circle-small',
  group: 'folder',
  dimension: 'symbol-field',
  statement: 'quote',
  skipped: 'circle-slash',
  guessed: 'question',
  note: 'info',
};

/** The Ladder Preview view: an import's outline, shown until it is saved or discarded. */
export class LadderPreviewProvider implements vscode.TreeDataProvider<OutlineNode> {
  private nodes: OutlineNode[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  show(nodes: OutlineNode[]): void {
    this.nodes = nodes;
    this.changed.fire();
  }

  get roots(): readonly OutlineNode[] {
    return this.nodes;
  }

  getChildren(node?: OutlineNode): OutlineNode[] {
    return node ? node.children ?? [] : this.nodes;
  }

  getTreeItem(node: OutlineNode): vscode.TreeItem {
    const open = node.kind === 'group' || node.kind === 'skipped';
    const state = !node.children?.length ? vscode.TreeItemCollapsibleState.None : open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    if (node.description) item.description = node.description;
    if (node.tooltip) item.tooltip = node.tooltip;
    item.accessibilityInformation = { label: node.description ? `${node.label}, ${node.description}` : node.label };
    item.iconPath = new vscode.ThemeIcon(ICON[node.kind]);
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

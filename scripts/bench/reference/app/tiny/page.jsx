/** The smallest prerendered page: what the framework costs for a page with nothing in it. */
export default function Tiny() {
  return <p>ok</p>;
}

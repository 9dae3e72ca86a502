// The red flags of shared/DOMAIN.md, shown wherever a patient starts a search.
export function RedFlagNotice() {
  return (
    <aside className="notice notice-warning" aria-labelledby="red-flags-heading">
      <h2 id="red-flags-heading">Get medical help first, not a massage, if&hellip;</h2>
      <ul>
        <li>your pain followed a violent injury, such as a traffic accident, or</li>
        <li>you have trouble controlling your bladder or bowels.</li>
      </ul>
      <p>These can be signs of a problem that needs a doctor right away.</p>
    </aside>
  );
}

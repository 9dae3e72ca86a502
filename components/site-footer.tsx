export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          <strong>Information, not medical advice.</strong> Therapist Finder helps you find and check massage
          therapists. It does not diagnose or treat anything; talk to a doctor about your symptoms.
        </p>
        <p>
          Listings marked &ldquo;Demo listing&rdquo; are fictional sample data: the people, practices, phone numbers
          and licences do not exist.
        </p>
      </div>
    </footer>
  );
}

//! People and roles. Local users with argon2 password hashes; role grants and revocations are
//! kept with who and when. What each role may do is decided in one place: [`Role::allows`].

use super::db_enum;
use crate::error::Result;
use crate::time::Timestamp;
use serde::Serialize;

db_enum! {
    /// A role a person holds.
    Role {
        /// Runs the installation: applications, users, models.
        Admin = "admin",
        /// The FG (functionaris gegevensbescherming): audit, rights requests, incidents, register.
        PrivacyOfficer = "privacy_officer",
        /// Reviews escalated outputs before they reach a citizen.
        Reviewer = "reviewer",
        /// Uses the assistants.
        Employee = "employee",
    }
}

db_enum! {
    /// Something a role may be allowed to do.
    Permission {
        /// Register, change and retire applications; issue and revoke their keys.
        ManageApps = "manage_apps",
        /// Create users and grant roles.
        ManageUsers = "manage_users",
        /// Register models, versions and aliases.
        ManageModels = "manage_models",
        /// Read and export the audit trail.
        ReadAudit = "read_audit",
        /// Handle access, rectification and erasure requests.
        HandleRightsRequests = "handle_rights_requests",
        /// Review escalated outputs.
        ReviewOutputs = "review_outputs",
        /// Follow up incidents.
        ManageIncidents = "manage_incidents",
        /// Chat with the assistants and report an incident.
        UseAssistants = "use_assistants",
    }
}

impl Role {
    /// Whether this role allows `p`. The only place role checks are decided.
    pub fn allows(self, p: Permission) -> bool {
        use Permission::*;
        match self {
            Role::Admin => matches!(p, ManageApps | ManageUsers | ManageModels | UseAssistants | ManageIncidents),
            Role::PrivacyOfficer => {
                matches!(p, ReadAudit | HandleRightsRequests | ManageIncidents | UseAssistants)
            }
            Role::Reviewer => matches!(p, ReviewOutputs | UseAssistants),
            Role::Employee => matches!(p, UseAssistants),
        }
    }
}

/// A local user.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct User {
    /// Id, e.g. `usr_…`.
    pub id: String,
    /// Login name (unique).
    pub name: String,
    /// Roles currently held.
    pub roles: Vec<Role>,
    /// When the account was made.
    pub created_at: Timestamp,
    /// argon2 PHC string; never serialised.
    #[serde(skip)]
    pub password_hash: Option<String>,
}

impl User {
    /// Whether any of the user's roles allows `p`.
    pub fn may(&self, p: Permission) -> bool {
        self.roles.iter().any(|r| r.allows(p))
    }
}

/// One grant or revocation, for history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleGrant {
    /// The role.
    pub role: Role,
    /// When granted.
    pub granted_at: Timestamp,
    /// By whom.
    pub granted_by: String,
    /// When revoked, if it was.
    pub revoked_at: Option<Timestamp>,
    /// By whom.
    pub revoked_by: Option<String>,
}

/// User queries.
#[async_trait::async_trait]
pub trait UserStore {
    /// Creates a user with initial roles. `AlreadyExists` on a taken name.
    async fn create_user(&self, name: &str, password_hash: Option<&str>, roles: &[Role], actor: &str) -> Result<User>;
    /// By id or name.
    async fn get_user(&self, id_or_name: &str) -> Result<User>;
    /// All users by name.
    async fn list_users(&self) -> Result<Vec<User>>;
    /// Grants a role (no-op if already held).
    async fn grant_role(&self, user: &str, role: Role, actor: &str) -> Result<User>;
    /// Revokes a role (no-op if not held).
    async fn revoke_role(&self, user: &str, role: Role, actor: &str) -> Result<User>;
    /// Every grant and revocation, oldest first.
    async fn role_history(&self, user: &str) -> Result<Vec<RoleGrant>>;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::DbEnum;

    #[test]
    fn only_the_privacy_officer_reads_the_audit_trail() {
        for r in Role::ALL {
            assert_eq!(r.allows(Permission::ReadAudit), *r == Role::PrivacyOfficer, "{r}");
        }
        assert!(Role::Admin.allows(Permission::ManageApps));
        assert!(!Role::Employee.allows(Permission::ManageApps));
        assert!(Role::ALL.iter().all(|r| r.allows(Permission::UseAssistants)));
        assert_eq!("privacy_officer".parse::<Role>().unwrap(), Role::PrivacyOfficer);
        let err = "fg".parse::<Role>().unwrap_err().to_string();
        assert!(err.contains("admin, privacy_officer, reviewer, employee"), "{err}");
    }
}

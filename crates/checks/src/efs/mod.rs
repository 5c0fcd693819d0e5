//! EFS checks. File systems being deleted are not judged.
mod efs_access_point_posix_user_enforced;
mod efs_access_point_root_directory_enforced;
mod efs_file_system_automatic_backups_enabled;
mod efs_file_system_encrypted;
mod efs_file_system_policy_no_untrusted_access;
mod efs_file_system_policy_not_public;
mod efs_file_system_tls_required;

pub use efs_access_point_posix_user_enforced::EfsAccessPointPosixUserEnforced;
pub use efs_access_point_root_directory_enforced::EfsAccessPointRootDirectoryEnforced;
pub use efs_file_system_automatic_backups_enabled::EfsFileSystemAutomaticBackupsEnabled;
pub use efs_file_system_encrypted::EfsFileSystemEncrypted;
pub use efs_file_system_policy_no_untrusted_access::EfsFileSystemPolicyNoUntrustedAccess;
pub use efs_file_system_policy_not_public::EfsFileSystemPolicyNotPublic;
pub use efs_file_system_tls_required::EfsFileSystemTlsRequired;

use wasp_model::efs::FileSystem;
use wasp_model::Inventory;

fn live_file_systems(inv: &Inventory) -> impl Iterator<Item = &FileSystem> {
    inv.efs.file_systems.iter().filter(|f| !f.is_gone())
}

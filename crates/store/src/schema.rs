//! Checking what an opened file is, and bringing its schema up to date.

use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::{Connection, ErrorCode, TransactionBehavior, MAIN_DB};
use rusqlite_migration::{Migrations, M};

use crate::error::{from_sqlite, BUSY_TIMEOUT, FILE_READ_ONLY};
use crate::StoreError;

/// The migrations, in order: version N is the database after the Nth. Never edit one that has
/// shipped; add a new one.
const MIGRATION_LIST: &[M<'static>] =
    &[M::up(include_str!("../migrations/01-initial.sql")), M::up(include_str!("../migrations/02-incidents.sql"))];

const MIGRATIONS: Migrations<'static> = Migrations::from_slice(MIGRATION_LIST);

/// The schema version this code writes.
pub(crate) const VERSION: usize = MIGRATION_LIST.len();

/// `PRAGMA application_id` of a wasp database: "WASP" in ASCII (set by the first migration).
const APPLICATION_ID: i64 = 0x5741_5350;

const OPEN: &str = "open the wasp database";
const MIGRATE: &str = "update the schema of the wasp database";

/// What the file's header and schema say, read in one transaction.
struct Header {
    application_id: i64,
    user_version: i64,
    objects: i64,
}

/// Sets the connection up and refuses what is not a wasp database this code can use; then
/// migrates it to [`VERSION`].
pub(crate) fn prepare(mut conn: Connection, path: &Path) -> Result<Connection, StoreError> {
    let sql = |doing| move |e| from_sqlite(path, doing, e);
    conn.busy_timeout(BUSY_TIMEOUT).map_err(sql(OPEN))?;
    if conn.is_readonly(MAIN_DB).map_err(sql(OPEN))? {
        return Err(StoreError::ReadOnly { path: path.to_path_buf(), why: FILE_READ_ONLY });
    }
    let header = read_header(&mut conn).map_err(sql(OPEN))?;
    let known = i64::try_from(VERSION).unwrap_or(i64::MAX);
    if header.application_id != APPLICATION_ID {
        let fresh = header.application_id == 0 && header.user_version == 0 && header.objects == 0;
        if !fresh {
            return Err(StoreError::NotWasp {
                path: path.to_path_buf(),
                why: "it is another program's SQLite database",
            });
        }
    } else if header.user_version > known {
        return Err(StoreError::TooNew { path: path.to_path_buf(), found: header.user_version, known: VERSION });
    }
    let check: String =
        conn.query_row("PRAGMA quick_check", [], |row| row.get(0)).map_err(sql("check the wasp database"))?;
    if check != "ok" {
        return Err(StoreError::Corrupt { path: path.to_path_buf() });
    }
    use_wal(&conn).map_err(sql(OPEN))?;
    conn.pragma_update(None, "foreign_keys", true).map_err(sql(OPEN))?;
    // Every write takes the lock at its start: a transaction that read first and then writes
    // could otherwise fail at once when another connection wrote in between.
    conn.set_transaction_behavior(TransactionBehavior::Immediate);
    if let Err(err) = MIGRATIONS.to_latest(&mut conn) {
        // Another wasp may have migrated the same fresh database at the same moment.
        let now = read_header(&mut conn).map_err(sql(MIGRATE))?.user_version;
        if now > known {
            return Err(StoreError::TooNew { path: path.to_path_buf(), found: now, known: VERSION });
        }
        if now < known {
            return Err(match err {
                rusqlite_migration::Error::RusqliteError { err, .. } => from_sqlite(path, MIGRATE, err),
                _ => StoreError::Database {
                    path: path.to_path_buf(),
                    doing: MIGRATE,
                    reason: "the migration failed".into(),
                },
            });
        }
    }
    Ok(conn)
}

/// Puts the database in WAL mode, which lets readers and a writer work at once and lasts in
/// the file. Where the file system cannot have it (some network mounts) SQLite keeps its
/// rollback journal, slower but as safe. Switching needs the file to itself and SQLite does not
/// wait for that, so a switch that meets another connection (two wasps creating the database
/// at once) is retried until the busy timeout.
fn use_wal(conn: &Connection) -> rusqlite::Result<()> {
    let mode = |sql| conn.query_row(sql, [], |row| row.get::<_, String>(0));
    if mode("PRAGMA journal_mode")?.eq_ignore_ascii_case("wal") {
        return Ok(());
    }
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        match mode("PRAGMA journal_mode = WAL") {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == ErrorCode::DatabaseBusy && Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(10));
            }
            other => return other.map(drop),
        }
    }
}

fn read_header(conn: &mut Connection) -> rusqlite::Result<Header> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
    let header = Header {
        application_id: tx.pragma_query_value(None, "application_id", |row| row.get(0))?,
        user_version: tx.pragma_query_value(None, "user_version", |row| row.get(0))?,
        objects: tx.query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))?,
    };
    tx.commit()?;
    Ok(header)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_migrations_are_valid_and_set_the_application_id() {
        MIGRATIONS.validate().unwrap();
        let mut conn = Connection::open_in_memory().unwrap();
        MIGRATIONS.to_latest(&mut conn).unwrap();
        let header = read_header(&mut conn).unwrap();
        assert_eq!(header.application_id, APPLICATION_ID);
        assert_eq!(header.user_version, VERSION as i64);
    }
}
